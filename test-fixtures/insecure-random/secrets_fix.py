import os
import random


def api_key():
    # vigil-expect: insecure-random
    return "%x" % random.getrandbits(256)


def pick_colour(palette):
    # vigil-ok: insecure-random
    return random.choice(palette)
