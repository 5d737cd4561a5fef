<?php
namespace App\Storage;

use function hash as digest;

const LEGACY_ALGO = 'md5';

class Checksums
{
    const ALGO = 'sha1';

    public function etag(string $body): string
    {
        // vigil-expect: weak-hash
        return \hash(LEGACY_ALGO, $body);
    }

    public function aliased(string $body): string
    {
        $algo = 'md4';
        // vigil-expect: weak-hash
        return digest($algo, $body);
    }

    public function strong(string $body): string
    {
        $algo = 'md5';
        $algo = 'sha256';
        // vigil-ok: weak-hash
        return HASH($algo, $body);
    }

    public function mac(string $key, string $body): string
    {
        // vigil-ok: weak-hash
        return hash_hmac('md5', $body, $key);
    }
}
