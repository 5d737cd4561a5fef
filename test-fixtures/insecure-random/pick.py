#!/usr/bin/env python3


def salt_char(pool):
    # vigil-expect: insecure-random
    salt = random.choice(pool)
    return salt


def lucky(pool):
    # vigil-ok: insecure-random
    return random.choice(pool)
