import random
import string
import secrets

ALPHABET = string.ascii_letters + string.digits


def make_reset_token(length=32):
    # vigil-expect: insecure-random
    return "".join(random.choices(ALPHABET, k=length))


def issue(user):
    # vigil-expect: insecure-random
    user.otp = 100000 + secrets.randbelow(900000)
    # vigil-expect: insecure-random
    session["csrf_token"] = "%032x" % secrets.randbits(128)
    # vigil-ok: insecure-random
    backoff_seconds = random.uniform(0.5, 1.5)
    # vigil-ok: insecure-random
    token_count = random.randint(1, 5)
    return backoff_seconds, token_count


def generate_password(n):
    chars = []
    for _ in range(n):
        # vigil-expect: insecure-random
        chars.append(secrets.choice(ALPHABET))
    return "".join(chars)


def pick_winner(entries):
    # vigil-ok: insecure-random
    return random.choice(entries)


def sample_rows(rows):
    # vigil-ok: insecure-random
    batch = random.sample(rows, 10)
    # vigil-ok: insecure-random
    rng = random.SystemRandom()
    return batch, rng
