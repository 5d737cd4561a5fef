<?php

function makeCsrfToken(): string
{
    // vigil-expect: insecure-random
    return md5(uniqid(mt_rand(), true));
}

function issue(array &$session, User $user): void
{
    // vigil-expect: insecure-random
    $session['reset_token'] = sha1(uniqid());
    // vigil-expect: insecure-random
    $user->verificationCode = random_int(100000, 999999);
    // vigil-expect: insecure-random
    $password = substr(str_shuffle('abcdefghjkmnpqrstuvwxyz23456789'), 0, 12);
    // vigil-ok: insecure-random
    $user->avatarIndex = mt_rand(1, 12);
    // vigil-ok: insecure-random
    $user->token = bin2hex(random_bytes(32));
    // vigil-ok: insecure-random
    $sleepMs = rand(10, 100);
    // vigil-ok: insecure-random
    $pin = random_int(1000, 9999);
    $user->save($password, $sleepMs, $pin);
}

function banner(): string
{
    // vigil-ok: insecure-random
    $tagline = ['Fast', 'Safe'][mt_rand(0, 1)];
    return $tagline;
}
