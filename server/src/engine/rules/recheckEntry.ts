// Entry of the checker's own bundle, server/out/recheck.js: see redos.ts for why the checker is kept out of the
// server, CLI and worker bundles.
// eslint-disable-next-line @typescript-eslint/no-require-imports
module.exports = require('recheck/lib/browser.js');
