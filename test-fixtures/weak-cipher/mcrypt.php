<?php

define('LEGACY_CIPHER', MCRYPT_DES);

final class Legacy
{
    const CIPHER = MCRYPT_BLOWFISH;
    const MODE = MCRYPT_MODE_ECB;
    const IV = '1234567812345678';

    public function weak(string $key, string $data): array
    {
        // vigil-expect: weak-cipher
        $a = mcrypt_encrypt(LEGACY_CIPHER, $key, $data, MCRYPT_MODE_CBC, random_bytes(8));
        // vigil-expect: weak-cipher
        $b = mcrypt_encrypt(self::CIPHER, $key, $data, MCRYPT_MODE_CBC, random_bytes(8));
        $mode = self::MODE;
        // vigil-expect: weak-cipher
        $c = mcrypt_decrypt(MCRYPT_RIJNDAEL_128, $key, $data, $mode);
        // vigil-expect: weak-cipher
        $d = mcrypt_encrypt('tripledes', $key, $data, 'cbc', random_bytes(8));
        // vigil-expect: weak-cipher
        $td = mcrypt_module_open(MCRYPT_RIJNDAEL_128, '', MCRYPT_MODE_ECB, '');
        // vigil-expect: weak-cipher
        $e = mcrypt_encrypt(MCRYPT_RIJNDAEL_128, $key, $data, MCRYPT_MODE_CBC, self::IV);
        $iv = str_repeat("\0", 16);
        // vigil-expect: weak-cipher
        mcrypt_generic_init($td, $key, $iv);
        return [$a, $b, $c, $d, $e];
    }

    public function quiet(string $key, string $data): array
    {
        $iv = openssl_random_pseudo_bytes(16);
        // vigil-ok: weak-cipher
        $a = mcrypt_encrypt(MCRYPT_RIJNDAEL_128, $key, $data, MCRYPT_MODE_CBC, $iv);
        $cipher = MCRYPT_RIJNDAEL_256;
        // vigil-ok: weak-cipher
        $b = mcrypt_decrypt($cipher, $key, $data, MCRYPT_MODE_CBC, $iv);
        // vigil-ok: weak-cipher
        $td = mcrypt_module_open('rijndael-128', '', 'cbc', '');
        // vigil-ok: weak-cipher
        mcrypt_generic_init($td, $key, random_bytes(16));
        // vigil-ok: weak-cipher
        $size = mcrypt_get_iv_size(MCRYPT_DES, MCRYPT_MODE_ECB);
        // vigil-ok: weak-cipher
        $names = [MCRYPT_DES, MCRYPT_MODE_ECB];
        return [$a, $b, $size, $names];
    }
}

function outside(string $key, string $data): array
{
    // vigil-expect: weak-cipher
    $a = mcrypt_encrypt(Legacy::CIPHER, $key, $data, MCRYPT_MODE_CBC, random_bytes(8));
    // vigil-ok: weak-cipher
    $b = mcrypt_encrypt(Modern::CIPHER, $key, $data, MCRYPT_MODE_CBC, random_bytes(16));
    return [$a, $b];
}

final class Modern
{
    const CIPHER = MCRYPT_RIJNDAEL_128;
}
