const cors = require('cors');
const { buildCors } = require('../lib/corsOptions');

describe('cors options', () => {
  it('refuses a wildcard origin with credentials', () => {
    // vigil-ok: insecure-config
    expect(() => buildCors(cors({ origin: '*', credentials: true }))).toThrow(/credentials/);
  });

  it('refuses a reflected origin with credentials', () => {
    const make = () => cors({ origin: true, credentials: true });
    // vigil-ok: insecure-config
    expect(make).toThrow();
  });

  it('serves the demo app', () => {
    // Building the combination without asserting a refusal is a finding, demoted in test code.
    // vigil-demoted: insecure-config
    const app = buildCors(cors({ origin: true, credentials: true }));
    expect(app).toBeDefined();
  });
});
