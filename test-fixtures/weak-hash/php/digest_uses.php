<?php

namespace App\Hashing;

function temp_dir(string $vendorDir): string
{
    // A digest of a clock or a unique id holds no secret and no outside data: it is a fresh name.
    // vigil-ok: weak-hash
    return $vendorDir . '/composer/' . substr(md5(uniqid('', true)), 0, 8);
}

function temp_file(): string
{
    // vigil-ok: weak-hash
    return sys_get_temp_dir() . '/temp-' . getmypid() . '-' . md5(microtime());
}

function facade_file(string $alias): bool
{
    // vigil-ok: weak-hash
    return is_file(storage_path('framework/cache/facade-' . sha1($alias) . '.php'));
}

function metadata(string $file): array
{
    // vigil-ok: weak-hash
    return ['name' => basename($file), 'shasum' => sha1_file($file)];
}

function query_cache(string $sql): string
{
    // vigil-ok: weak-hash
    $cacheKey = sha1($sql);
    return $cacheKey;
}

function remember_token(string $email): string
{
    // vigil-expect: weak-hash
    $token = sha1($email . time());
    return $token;
}
