// Vigil fixture: every credential below is fake.
const express = require('express');

// vigil-expect: hardcoded-secret
const dbPassword = 'Qx7-vigil-Fixture-92kLm';
// vigil-expect: hardcoded-secret
const githubToken = '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';
// vigil-ok: hardcoded-secret
const apiKey = process.env.API_KEY;
// vigil-ok: hardcoded-secret
const sessionSecret = process.env.SESSION_SECRET || '';
// vigil-ok: hardcoded-secret
const password = '<password>';
// vigil-ok: hardcoded-secret
const token = `Bearer ${accessToken}`;
// vigil-ok: hardcoded-secret
const publicKey = 'pk_vigil_9f8e7d6c5b4a3210fedcba98';
// vigil-ok: hardcoded-secret
const passwordLabel = 'Enter your password';

const config = {
  db: {
    // vigil-expect: hardcoded-secret
    password: 'Zr4!vigil_fixture_T9qW',
    // vigil-ok: hardcoded-secret
    user: 'svc_reporting_2024',
  },
  // vigil-expect: hardcoded-secret
  'x-api-key': 'c2b9f1e07d3a4c58b6e1f0a9d2c7e4b3',
  // vigil-ok: hardcoded-secret
  apiKeyHeader: 'X-Api-Key',
  // vigil-ok: hardcoded-secret
  token: '{{ token }}',
};

class Mailer {
  // vigil-expect: hardcoded-secret
  smtpPass = 'm4il-Vigil-Fixture!';
  // vigil-ok: hardcoded-secret
  smtpHost = 'smtp.vigil.invalid';
}

// vigil-expect: hardcoded-secret
config.clientSecret = 'N0t-a-Real-Pass!742';
// vigil-ok: hardcoded-secret
config.clientSecret = 'xxxxxxxxxxxxxxxxxxxx';

// vigil-expect: hardcoded-secret
function connect(user, pwd = 'Pw9-vigil-FixtureDefault') {
  return { user, pwd };
}

// vigil-expect: hardcoded-secret
const dbUrl = 'postgres://reporting:Vg9-url-Fixture-33@db.vigil.invalid:5432/app';
// vigil-ok: hardcoded-secret
const dbUrlFromEnv = `postgres://reporting:${process.env.DB_PASSWORD}@db.vigil.invalid:5432/app`;
// vigil-ok: hardcoded-secret
const docsUrl = 'postgres://user:password@localhost:5432/app';

module.exports = { express, connect, Mailer };
