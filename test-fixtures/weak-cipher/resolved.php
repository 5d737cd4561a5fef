<?php

namespace App\Crypto;

const LEGACY = 'des-ede3-cbc';

final class Box
{
    private const MODE = 'bf-cbc';

    public function legacy(string $data, string $key): array
    {
        // vigil-expect: weak-cipher
        $a = \openssl_encrypt($data, LEGACY, $key, OPENSSL_RAW_DATA, random_bytes(8));
        // vigil-expect: weak-cipher
        $b = openssl_decrypt($data, self::MODE, $key, 0, random_bytes(8));
        $method = 'aes-128' . '-ecb';
        // vigil-expect: weak-cipher
        $c = openssl_encrypt($data, $method, $key);
        // vigil-expect: weak-cipher
        $d = openssl_encrypt($data, 'aes-256-cbc', $key, 0, hex2bin('000102030405060708090a0b0c0d0e0f'));
        // vigil-expect: weak-cipher
        $e = openssl_encrypt($data, 'aes-256-cbc', $key, 0, str_repeat("\0", 16));
        return [$a, $b, $c, $d, $e];
    }

    public function quiet(string $data, string $key): array
    {
        $method = 'des-cbc';
        $method = 'aes-256-gcm';
        // vigil-ok: weak-cipher
        $a = openssl_encrypt($data, $method, $key, OPENSSL_RAW_DATA, random_bytes(12), $tag);
        if (false) {
            // vigil-ok: weak-cipher
            $b = openssl_encrypt($data, 'rc4', $key);
        }
        // vigil-ok: weak-cipher
        $c = openssl_encrypt($data, 'aes-256-cbc', $key, 0, random_bytes(16));
        // vigil-ok: weak-cipher
        $names = ['des-ede3-cbc', 'rc4'];
        // vigil-ok: weak-cipher
        $d = openssl_encrypt($data, 'aes-256-cbc', $key, 0, base64_decode($_POST['iv']));
        return [$a, $tag, $c, $names, $d];
    }
}
