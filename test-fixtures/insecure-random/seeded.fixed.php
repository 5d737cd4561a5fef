<?php

// A seeded generator is reproducible on purpose: no fix is offered.
mt_srand(42);

function issue(User $user): void
{
    // vigil-expect: insecure-random
    $user->verificationCode = mt_rand(100000, 999999);
}
