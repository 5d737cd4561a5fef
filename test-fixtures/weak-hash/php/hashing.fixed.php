<?php

namespace App\Hashing;

function cache_key(string $data): string
{
    // vigil-expect: weak-hash
    return hash('sha256', $data);
}

function raw_digest(string $data): string
{
    // vigil-expect: weak-hash
    return \hash('sha256', $data, true);
}

function upper_case_name(string $data): string
{
    // vigil-expect: weak-hash
    return hash('sha256', $data);
}

function file_digest(string $path): string
{
    // vigil-expect: weak-hash
    return hash_file('sha256', $path);
}

function file_sha1(string $path): string
{
    // vigil-expect: weak-hash
    return hash_file('sha256', $path);
}

function by_name(string $data): string
{
    // vigil-expect: weak-hash
    return hash('sha256', $data);
}

function file_by_name(string $path): string
{
    // vigil-expect: weak-hash
    return hash_file("sha256", $path);
}

function incremental(array $chunks): string
{
    // vigil-expect: weak-hash
    $ctx = hash_init('sha256');
    foreach ($chunks as $chunk) {
        hash_update($ctx, $chunk);
    }
    return hash_final($ctx);
}

function openssl(string $data): string
{
    // vigil-expect: weak-hash
    return openssl_digest($data, 'sha256');
}

function legacy_password(string $password): string
{
    // vigil-expect: weak-hash
    return md5($password);
}

function legacy_password_field(array $user): string
{
    // vigil-expect: weak-hash
    return sha1($user['passwd'] . 'salt');
}

function strong(string $data): string
{
    // vigil-ok: weak-hash
    return hash('sha256', $data);
}

function strong_file(string $path): string
{
    // vigil-ok: weak-hash
    return hash_file('sha512', $path);
}

function mac(string $key, string $data): string
{
    // HMAC-MD5 is fine as a MAC
    // vigil-ok: weak-hash
    return hash_hmac('md5', $data, $key);
}

function mac_incremental(string $key, string $data): string
{
    // vigil-ok: weak-hash
    $ctx = hash_init('sha1', HASH_HMAC, $key);
    hash_update($ctx, $data);
    return hash_final($ctx);
}

function derive(string $password, string $salt): string
{
    // vigil-ok: weak-hash
    return hash_pbkdf2('sha1', $password, $salt, 600000);
}

function store(string $password): string
{
    // vigil-ok: weak-hash
    return password_hash($password, PASSWORD_DEFAULT);
}

function sha3(string $data): string
{
    // vigil-ok: weak-hash
    return hash('sha3-256', $data);
}

function non_crypto_checksum(string $data): int
{
    // vigil-ok: weak-hash
    return crc32($data);
}

function label(string $md5): string
{
    // vigil-ok: weak-hash
    return sprintf('md5(%s) was used before', $md5);
}

class Files
{
    public function md5(string $data): string
    {
        return $data;
    }

    public function useMethod(string $data): string
    {
        // a method named md5 is not PHP's md5()
        // vigil-ok: weak-hash
        return $this->md5($data);
    }
}

function my_md5_helper(string $data): string
{
    // vigil-ok: weak-hash
    $md5sum = strtoupper($data);
    // vigil-ok: weak-hash
    return "md5: $md5sum";
}
