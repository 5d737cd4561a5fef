import os

import Crypto.Cipher.ARC4
from Crypto.Cipher import AES
from Crypto.Cipher import DES as D
from Cryptodome.Cipher import AES as Block
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


def ecb_aliased(key, data):
    # vigil-expect: weak-cipher
    return Block.new(key, Block.MODE_ECB).encrypt(data)


def ecb_dotted(key, data):
    import Crypto.Cipher.AES
    # vigil-expect: weak-cipher
    return Crypto.Cipher.AES.new(key, Crypto.Cipher.AES.MODE_ECB).encrypt(data)


def ecb_named_only(key, data):
    # vigil-ok: weak-cipher
    label = "Block.MODE_ECB is refused here"
    # vigil-ok: weak-cipher
    return label, Block.new(key, Block.MODE_GCM).encrypt_and_digest(data)


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
