<?php

function legacy(string $data, string $key, string $iv): array
{
    // vigil-expect: weak-cipher
    $a = openssl_encrypt($data, 'des-ede3-cbc', $key, OPENSSL_RAW_DATA, $iv);
    // vigil-expect: weak-cipher
    $b = openssl_encrypt($data, 'AES-128-ECB', $key);
    // vigil-expect: weak-cipher
    $c = openssl_decrypt($data, "bf-cbc", $key, 0, $iv);
    // vigil-expect: weak-cipher
    $d = mcrypt_encrypt(MCRYPT_RIJNDAEL_128, $key, $data, MCRYPT_MODE_ECB);
    return [$a, $b, $c, $d];
}

function fixedIv(string $data, string $key): string
{
    // vigil-expect: weak-cipher
    return openssl_encrypt($data, 'aes-256-cbc', $key, 0, '1234567890123456');
}

function good(string $data, string $key): array
{
    $iv = random_bytes(12);
    // vigil-ok: weak-cipher
    $ct = openssl_encrypt($data, 'aes-256-gcm', $key, OPENSSL_RAW_DATA, $iv, $tag);
    // vigil-ok: weak-cipher
    $cbc = openssl_encrypt($data, 'aes-256-cbc', $key, 0, random_bytes(16));
    // vigil-ok: weak-cipher
    $method = 'des-ede3-cbc';
    // vigil-ok: weak-cipher
    $r = mcrypt_encrypt(MCRYPT_RIJNDAEL_128, $key, $data, MCRYPT_MODE_CBC, $iv);
    // vigil-ok: weak-cipher
    $s = sodium_crypto_secretbox($data, random_bytes(24), $key);
    return [$ct, $tag, $cbc, $method, $r, $s];
}
