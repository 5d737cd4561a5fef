import random as rnd
from random import choice, randint

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def aliased():
    # vigil-expect: insecure-random
    api_key = "".join(rnd.choice(ALPHABET) for _ in range(32))
    return api_key


def imported(user):
    # vigil-expect: insecure-random
    pin = randint(1000, 9999)
    user.reset_pin = str(pin)


def through_variables():
    # vigil-expect: insecure-random
    raw = choice(ALPHABET) + choice(ALPHABET)
    token = f"tok_{raw}"
    return token


def harmless():
    # vigil-ok: insecure-random
    delay_seconds = rnd.uniform(1, 3)
    # vigil-ok: insecure-random
    colour = choice(["red", "green"])
    return delay_seconds, colour
