# Spellings of the cryptography package's legacy ciphers and ECB mode other than `algorithms.X` / `modes.X`.
import os

import cryptography.hazmat.primitives.ciphers.modes as m
from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES as Legacy3
from cryptography.hazmat.primitives.ciphers import Cipher
from cryptography.hazmat.primitives.ciphers.algorithms import AES, ChaCha20


def legacy(key):
    # vigil-expect: weak-cipher
    return Cipher(Legacy3(key), m.CBC(os.urandom(8)))


def module_alias(key):
    # vigil-expect: weak-cipher
    return Cipher(AES(key), m.ECB())


def full_path(key):
    import cryptography.hazmat.primitives.ciphers.algorithms
    # vigil-expect: weak-cipher
    return cryptography.hazmat.primitives.ciphers.algorithms.Blowfish(key)


def modern(key, nonce):
    # vigil-ok: weak-cipher
    stream = ChaCha20(key, nonce)
    # vigil-ok: weak-cipher
    block = Cipher(AES(key), m.CBC(os.urandom(16)))
    return stream, block


class ECB:
    pass


def lookalike():
    # vigil-ok: weak-cipher
    return ECB()
