import os
import random
import secrets


def api_key():
    # vigil-expect: insecure-random
    return "%x" % secrets.randbits(256)


def pick_colour(palette):
    # vigil-ok: insecure-random
    return random.choice(palette)
