<?php

namespace App\Auth;

use function mt_rand as draw;

const CHARS = 'abcdefghjkmnpqrstuvwxyz23456789';

function issue(User $user, array &$session): void
{
    // vigil-expect: insecure-random
    $raw = \mt_rand();
    $session['csrf_token'] = 'c' . dechex($raw);
    // vigil-expect: insecure-random
    $n = draw(100000, 999999);
    $user->resetCode = strval($n);
    // vigil-expect: insecure-random
    $user->apiKey = sha1(lcg_value() . microtime());
    // vigil-expect: insecure-random
    $salt = CHARS[array_rand(str_split(CHARS))];
    // vigil-ok: insecure-random
    $index = \mt_rand(0, 9);
    $user->save($salt, $index);
}

function quiet(User $user): void
{
    if (false) {
        // vigil-ok: insecure-random
        $user->sessionToken = uniqid();
    }
    // vigil-ok: insecure-random
    $value = rand();
    $value = 'fixed';
    $user->nonce = $value;
    // vigil-ok: insecure-random
    $deck = str_shuffle('AKQJ');
    // vigil-ok: insecure-random
    error_log('token issued ' . mt_rand());
    $user->play($deck);
}
