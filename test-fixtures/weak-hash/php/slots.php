<?php

namespace App\Hashing;

final class Rule
{
    public function getHash(): int
    {
        // Cut to one 32-bit integer: a hash-table slot, which collides by trial whatever the algorithm.
        // vigil-ok: weak-hash
        $data = unpack('ihash', md5(implode(',', $this->literals), true));
        return $data['hash'];
    }

    public function register(string $name, string $path): void
    {
        // The key of an array element.
        // vigil-ok: weak-hash
        $this->files[md5($name . ':' . $path)] = $path;
    }

    public function shortId(string $data): string
    {
        // vigil-ok: weak-hash
        return substr(sha1($data), 0, 8);
    }

    public function longId(string $data): string
    {
        // Sixteen hex digits are no slot: 64 bits.
        // vigil-expect: weak-hash
        return substr(sha1($data), 0, 16);
    }
}
