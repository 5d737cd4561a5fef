# A seeded generator wants a reproducible sequence (a test, a simulation): no fix is offered, since a secure
# generator cannot be seeded. The finding stays.
import random

random.seed(1234)


def make_reset_token(alphabet):
    # vigil-expect: insecure-random
    return random.choice(alphabet)
