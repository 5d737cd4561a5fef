# Bounded integers for secrets: the fix keeps the same values and probabilities with secrets.randbelow.
import random
import secrets


def issue_codes(user):
    # vigil-expect: insecure-random
    user.otp_digit = secrets.randbelow(10)
    # vigil-expect: insecure-random
    user.reset_code = 100000 + secrets.randbelow(900000)
    # vigil-expect: insecure-random
    user.otp = 10 * (1 + secrets.randbelow(6))
    # vigil-ok: insecure-random
    delay = random.randint(1, 5)
    return delay
