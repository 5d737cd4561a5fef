<?php

// rand() and mt_rand() without arguments draw from 0 to getrandmax() / mt_getrandmax(): random_int keeps the range.
function issue(User $user): void
{
    // vigil-expect: insecure-random
    $user->resetToken = mt_rand();
    // vigil-expect: insecure-random
    $user->otpSecret = rand();
    // vigil-ok: insecure-random
    $user->avatarIndex = mt_rand(1, 12);
}
