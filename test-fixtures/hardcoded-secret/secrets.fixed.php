<?php
// Vigil fixture: every credential below is fake.

// vigil-expect: hardcoded-secret
$dbPassword = getenv('DB_PASSWORD');
// vigil-ok: hardcoded-secret
$dbPasswordFromEnv = getenv('DB_PASSWORD');
// vigil-ok: hardcoded-secret
$password = "$prefix-$suffix";
// vigil-expect: hardcoded-secret
define('API_SECRET', getenv('API_SECRET'));
// vigil-ok: hardcoded-secret
define('API_SECRET_HEADER', 'X-Api-Secret');

$config = [
    // vigil-expect: hardcoded-secret
    'password' => getenv('PASSWORD'),
    // vigil-ok: hardcoded-secret
    'password' => $_ENV['DB_PASSWORD'],
    // vigil-ok: hardcoded-secret
    'username' => 'svc_reporting_2024',
    // vigil-expect: hardcoded-secret
    'stripe_key' => getenv('STRIPE_KEY'),
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
        $this->token = getenv('TOKEN');
        // vigil-ok: hardcoded-secret
        $this->token = "{$this->prefix}{$this->suffix}";
    }
}

// vigil-expect: hardcoded-secret
$config['mail_password'] = getenv('MAIL_PASSWORD');
// vigil-ok: hardcoded-secret
$config['mail_password'] = 'placeholder';
