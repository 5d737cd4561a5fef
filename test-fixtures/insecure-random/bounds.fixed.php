<?php

// rand() and mt_rand() without arguments draw from 0 to getrandmax() / mt_getrandmax(): random_int keeps the range.
function issue(User $user): void
{
    // vigil-expect: insecure-random
    $user->resetToken = random_int(0, mt_getrandmax());
    // vigil-expect: insecure-random
    $user->otpSecret = random_int(0, getrandmax());
    // vigil-ok: insecure-random
    $user->avatarIndex = mt_rand(1, 12);
}
