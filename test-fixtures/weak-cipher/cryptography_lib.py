import os

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def weak(key, iv):
    # vigil-expect: weak-cipher
    c1 = Cipher(algorithms.TripleDES(key), modes.CBC(iv))
    # vigil-expect: weak-cipher
    c2 = Cipher(algorithms.AES(key), modes.ECB())
    # vigil-expect: weak-cipher
    c3 = Cipher(algorithms.AES(key), modes.CTR(bytes(16)))
    return c1, c2, c3


def strong(key, data):
    # vigil-ok: weak-cipher
    c = Cipher(algorithms.AES(key), modes.CBC(os.urandom(16)))
    # vigil-ok: weak-cipher
    sealed = AESGCM(key).encrypt(os.urandom(12), data, None)
    # vigil-ok: weak-cipher
    alg = algorithms.ChaCha20(key, os.urandom(16))
    return c, sealed, alg
