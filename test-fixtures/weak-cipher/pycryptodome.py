from Crypto.Cipher import AES, DES, DES3, ARC4
from Crypto.Random import get_random_bytes

STATIC_IV = b"\x00" * 16


def legacy(key, data):
    # vigil-expect: weak-cipher
    des = DES.new(key, DES.MODE_CBC)
    # vigil-expect: weak-cipher
    rc4 = ARC4.new(key)
    return des.encrypt(data), rc4.encrypt(data)


def ecb(key, data):
    # vigil-expect: weak-cipher
    cipher = AES.new(key, AES.MODE_ECB)
    return cipher.encrypt(data)


def cbc_fixed(key, data):
    # vigil-expect: weak-cipher
    a = AES.new(key, AES.MODE_CBC, b"0123456789abcdef")
    # vigil-expect: weak-cipher
    b = AES.new(key, AES.MODE_CBC, iv=STATIC_IV)
    # vigil-ok: weak-cipher
    c = AES.new(key, AES.MODE_CBC, iv=get_random_bytes(16))
    return a, b, c


def good(key, data):
    # vigil-ok: weak-cipher
    cipher = AES.new(key, AES.MODE_GCM)
    # vigil-ok: weak-cipher
    nonce_cipher = AES.new(key, AES.MODE_GCM, nonce=get_random_bytes(12))
    # vigil-ok: weak-cipher
    mode = "MODE_ECB is documented as unsafe"
    # vigil-ok: weak-cipher
    three = DES3
    return cipher.encrypt_and_digest(data), nonce_cipher, mode, three
