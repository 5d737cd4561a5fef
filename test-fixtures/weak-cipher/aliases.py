import os

import Crypto.Cipher.ARC4
from Crypto.Cipher import AES
from Crypto.Cipher import DES as D
from Cryptodome.Cipher import Blowfish as Fish


def aliased(key, data):
    # vigil-expect: weak-cipher
    return D.new(key, D.MODE_CBC).encrypt(data)


def dotted(key, data):
    # vigil-expect: weak-cipher
    return Crypto.Cipher.ARC4.new(key).encrypt(data)


def cryptodome(key, data):
    # vigil-expect: weak-cipher
    return Fish.new(key, Fish.MODE_CBC).encrypt(data)


def modern(key, data):
    # vigil-ok: weak-cipher
    return AES.new(key, AES.MODE_GCM).encrypt_and_digest(data)


class D2:
    @staticmethod
    def new(key):
        return key


def lookalike(key):
    # vigil-ok: weak-cipher
    return D2.new(key)
