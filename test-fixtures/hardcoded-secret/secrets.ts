// Vigil fixture: every credential below is fake.
import { createClient } from './client';

// vigil-expect: hardcoded-secret
const dbPassword: string = 'Qx7-vigil-Fixture-92kLm';
// vigil-expect: hardcoded-secret
export const STRIPE_KEY = 'sk_live_vigilFAKEstripe0123456789vigil';
// vigil-ok: hardcoded-secret
export const STRIPE_PUBLISHABLE_KEY = 'pk_live_vigilFAKEpublishable0123456789';
// vigil-ok: hardcoded-secret
const apiToken: string | undefined = process.env.API_TOKEN;
// vigil-ok: hardcoded-secret
const secretName = 'prod/reporting/db-password';
// vigil-ok: hardcoded-secret
const authMode: 'token' | 'password' = 'token';

export class ReportClient {
  // vigil-expect: hardcoded-secret
  private readonly apiKey = 'c2b9f1e07d3a4c58b6e1f0a9d2c7e4b3';
  // vigil-ok: hardcoded-secret
  private readonly apiKeyName = 'reporting-api-key';
  // vigil-ok: hardcoded-secret
  private readonly tokenType = 'Bearer';

  // vigil-expect: hardcoded-secret
  connect(user: string, password: string = 'Pw9-vigil-FixtureDefault'): void {
    createClient({ user, password, apiKey: this.apiKey });
  }

  headers(): Record<string, string> {
    // vigil-expect: hardcoded-secret
    return { Authorization: 'Bearer c9F2kL7qR4vX8mZ1nB6tY3wH5jD0pS' };
  }
}

// vigil-expect: hardcoded-secret
const openaiKey = 'sk-proj-vigilFAKEopenai_prjkey1-0123456789vigilFAKEopenai_prjkey1-01';
// vigil-ok: hardcoded-secret
const openaiKeyExample = 'sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
// vigil-ok: hardcoded-secret
const sessionToken = crypto.randomUUID();

export { dbPassword, apiToken, secretName, authMode, openaiKey, openaiKeyExample, sessionToken };
