# Bounded integers for secrets: the fix keeps the same values and probabilities with secrets.randbelow.
import random


def issue_codes(user):
    # vigil-expect: insecure-random
    user.otp_digit = random.randint(0, 9)
    # vigil-expect: insecure-random
    user.reset_code = random.randrange(100000, 1000000)
    # vigil-expect: insecure-random
    user.otp = 10 * random.randint(1, 6)
    # vigil-ok: insecure-random
    delay = random.randint(1, 5)
    return delay
