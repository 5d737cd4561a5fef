#!/usr/bin/env python3
import secrets


def salt_char(pool):
    # vigil-expect: insecure-random
    salt = secrets.choice(pool)
    return salt


def lucky(pool):
    # vigil-ok: insecure-random
    return random.choice(pool)
