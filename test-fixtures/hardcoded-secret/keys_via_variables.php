<?php
// Vigil fixture: literals that reach a key parameter through a variable, a class constant, a define() constant
// or a property default, whatever the names. Every value is fake.
namespace App\Auth;

use Firebase\JWT\JWT as Tokens;
use Firebase\JWT\Key;

define('APP_K', 'Dk2-vigil-fixture');

class Issuer
{
    const K = 'Cc7-vigil-fixture';
    private $hk = 'Pd9-vigil-fixture';

    public function issue(array $payload): string
    {
        // vigil-expect: hardcoded-secret
        return Tokens::encode($payload, self::K, 'HS256');
    }

    public function read(string $jwt): object
    {
        // vigil-expect: hardcoded-secret
        return Tokens::decode($jwt, new Key(APP_K, 'HS256'));
    }

    public function mac(string $body): string
    {
        // vigil-expect: hardcoded-secret
        return hash_hmac('sha256', $body, $this->hk);
    }

    public function seal(string $data, string $iv): string
    {
        $k = 'Oe4-vigil-fixture-0123456789abcd';
        // vigil-expect: hardcoded-secret
        $c = openssl_encrypt($data, 'aes-256-cbc', $k, 0, $iv);
        // vigil-expect: hardcoded-secret
        return openssl_decrypt($c, 'aes-256-cbc', Issuer::K, 0, $iv);
    }

    public function literal(array $payload): string
    {
        // vigil-expect: hardcoded-secret
        return Tokens::encode($payload, 'Qa3-vigil-fixture', 'HS256');
    }

    // Keys from the environment or from the caller are no findings.
    public function fromEnv(array $payload, string $given, string $body): array
    {
        $e = getenv('JWT_KEY');
        // vigil-ok: hardcoded-secret
        $a = Tokens::encode($payload, $e, 'HS256');
        // vigil-ok: hardcoded-secret
        $b = hash_hmac('sha256', $body, $given);
        $f = $_ENV['APP_KEY'];
        // vigil-ok: hardcoded-secret
        $c = new Key($f, 'HS256');
        return [$a, $b, $c];
    }
}

// A key property whose default is `false` (no key yet) holds no hardcoded key: the caller sets it.
class Cipher
{
    protected $key = false;

    public function setKey(string $key): void
    {
        $this->key = $key;
    }

    public function seal(string $plain): string
    {
        // vigil-ok: hardcoded-secret
        return openssl_encrypt($plain, 'aes-256-gcm', $this->key, OPENSSL_RAW_DATA);
    }
}
