import base64
import os

from Crypto.Cipher import AES, ChaCha20
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

ZERO_IV = bytes.fromhex("00000000000000000000000000000000")


class Settings:
    def __init__(self):
        self.iv = b"fedcba9876543210"


def through_variables(key, data):
    iv = b"0123456789abcdef"
    # vigil-expect: weak-cipher
    a = AES.new(key, AES.MODE_CBC, iv)
    # vigil-expect: weak-cipher
    b = AES.new(key, AES.MODE_OFB, ZERO_IV)
    nonce = "n" * 12
    # vigil-expect: weak-cipher
    c = AES.new(key, AES.MODE_GCM, nonce=nonce.encode())
    # vigil-expect: weak-cipher
    d = ChaCha20.new(key=key, nonce=base64.b64decode("AAAAAAAAAAA="))
    return a, b, c, d


def cryptography_modes(key, data, settings: Settings):
    # vigil-expect: weak-cipher
    e = Cipher(algorithms.AES(key), modes.CBC(initialization_vector=ZERO_IV))
    fixed = b"\x01" * 12
    # vigil-expect: weak-cipher
    f = AESGCM(key).encrypt(fixed, data, None)
    box = ChaCha20Poly1305(key)
    # vigil-expect: weak-cipher
    g = box.encrypt(b"012345678901", data, None)
    return e, f, g


def fresh(key, data, iv):
    random_iv = os.urandom(16)
    # vigil-ok: weak-cipher
    a = AES.new(key, AES.MODE_CBC, random_iv)
    # vigil-ok: weak-cipher
    b = AES.new(key, AES.MODE_CBC, iv)
    # vigil-ok: weak-cipher
    c = Cipher(algorithms.AES(key), modes.CTR(os.urandom(16)))
    nonce = os.urandom(12)
    # vigil-ok: weak-cipher
    d = AESGCM(key).encrypt(nonce, data, None)
    # vigil-ok: weak-cipher
    e = AES.new(key, AES.MODE_CBC, iv=None)
    reused = b"0123456789abcdef"
    reused = os.urandom(16)
    # vigil-ok: weak-cipher
    f = AES.new(key, AES.MODE_CBC, reused)
    # vigil-ok: weak-cipher
    g = ChaCha20Poly1305(key).encrypt(os.urandom(12), data, None)
    # vigil-ok: weak-cipher
    h = AES.new(key, AES.MODE_EAX, nonce=os.urandom(16))
    return a, b, c, d, e, f, g, h


def lookalikes(key, msg):
    import hmac

    # vigil-ok: weak-cipher
    mac = hmac.new(key, msg, "sha256")
    return mac
