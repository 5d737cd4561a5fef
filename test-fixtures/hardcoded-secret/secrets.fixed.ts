// Vigil fixture: every credential below is fake.
import { createClient } from './client';

// vigil-expect: hardcoded-secret
const dbPassword: string = process.env.DB_PASSWORD;
// vigil-expect: hardcoded-secret
export const STRIPE_KEY = process.env.STRIPE_KEY;
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
  private readonly apiKey = process.env.API_KEY;
  // vigil-ok: hardcoded-secret
  private readonly apiKeyName = 'reporting-api-key';
  // vigil-ok: hardcoded-secret
  private readonly tokenType = 'Bearer';

  // vigil-expect: hardcoded-secret
  connect(user: string, password: string = process.env.PASSWORD): void {
    createClient({ user, password, apiKey: this.apiKey });
  }

  headers(): Record<string, string> {
    // vigil-expect: hardcoded-secret
    return { Authorization: 'Bearer ' + process.env.AUTHORIZATION };
  }
}

// vigil-expect: hardcoded-secret
const openaiKey = process.env.OPENAI_KEY;
// vigil-ok: hardcoded-secret
const openaiKeyExample = 'sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
// vigil-ok: hardcoded-secret
const sessionToken = crypto.randomUUID();

export { dbPassword, apiToken, secretName, authMode, openaiKey, openaiKeyExample, sessionToken };
