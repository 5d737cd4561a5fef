<?php
// Vigil fixture: every credential below is fake.

// vigil-expect: hardcoded-secret
$dbPassword = 'Qx7-vigil-Fixture-92kLm';
// vigil-ok: hardcoded-secret
$dbPasswordFromEnv = getenv('DB_PASSWORD');
// vigil-ok: hardcoded-secret
$password = "$prefix-$suffix";
// vigil-expect: hardcoded-secret
define('API_SECRET', 'c2b9f1e07d3a4c58b6e1f0a9d2c7e4b3');
// vigil-ok: hardcoded-secret
define('API_SECRET_HEADER', 'X-Api-Secret');

$config = [
    // vigil-expect: hardcoded-secret
    'password' => 'Zr4!vigil_fixture_T9qW',
    // vigil-ok: hardcoded-secret
    'password' => $_ENV['DB_PASSWORD'],
    // vigil-ok: hardcoded-secret
    'username' => 'svc_reporting_2024',
    // vigil-expect: hardcoded-secret
    'stripe_key' => 'rk_live_FAKEvigilRestricted98765',
];

class Mailer
{
    // vigil-expect: hardcoded-secret
    private $smtpPassword = 'm4il-Vigil-Fixture!';
    // vigil-ok: hardcoded-secret
    private $smtpPasswordHint = 'ask the ops team';
    // vigil-expect: hardcoded-secret
    const SIGNING_SECRET = 'k8S-vigil-Fixture-s1gn-77';

    public function connect()
    {
        // vigil-expect: hardcoded-secret
        $this->token = "N0t-a-Real-Pass!742";
        // vigil-ok: hardcoded-secret
        $this->token = "{$this->prefix}{$this->suffix}";
    }
}

// vigil-expect: hardcoded-secret
$config['mail_password'] = 'Pw9-vigil-FixtureDefault';
// vigil-ok: hardcoded-secret
$config['mail_password'] = 'placeholder';
