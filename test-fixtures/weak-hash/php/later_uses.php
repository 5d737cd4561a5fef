<?php

namespace App\Hashing;

final class Downloader
{
    public function tempFile(string $vendorDir, string $package): string
    {
        // A concatenated file path, pieces nested to the left.
        // vigil-ok: weak-hash
        return $vendorDir . '/composer/tmp-' . md5($package) . '.zip';
    }

    public function debug($io, string $file): void
    {
        // Only shown in a console message.
        // vigil-ok: weak-hash
        $io->writeError('File SHA1: ' . sha1_file($file));
    }

    public function macKey(): string
    {
        // vigil-ok: weak-hash
        return sha1('putty-private-key-file-mac-key', true);
    }

    public function macKeyFor(string $secret, $hmac): void
    {
        // Key material: it must be unpredictable, which rests on preimage resistance, not on collisions.
        // vigil-ok: weak-hash
        $hmac->setKey(sha1('mac-key' . $secret, true));
    }

    private function resultHash(string $sql): string
    {
        // Returned, and the only caller stores it as a cache id.
        // vigil-ok: weak-hash
        return sha1($sql . '-' . serialize($this->params));
    }

    public function cached(string $sql)
    {
        $cacheId = $this->resultHash($sql);
        return $this->cache->fetch($cacheId);
    }

    private function tokenFor(string $email): string
    {
        // vigil-expect: weak-hash
        return sha1($email);
    }

    public function link(string $email): string
    {
        $token = $this->tokenFor($email);
        return '/verify?token=' . $token;
    }
}
