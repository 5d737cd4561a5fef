import hashlib
import hmac

from Crypto.Cipher import AES

CIPHER_KEY = "Wq8-vigil-fixture-key"


# hashlib.new takes an algorithm name, not a key: a constant name there is no secret, even in a file that also
# uses hmac and a cipher's .new.
def digest(method, password):
    # vigil-ok: hardcoded-secret
    return hashlib.new(method, password).hexdigest()


def default_digest(password, method="pbkdf2:sha256"):
    return digest(method, password)


def keyed(salt, password, method):
    return hmac.new(salt, password, method).hexdigest()


def encrypt(data):
    # vigil-expect: hardcoded-secret
    return AES.new(CIPHER_KEY.encode(), AES.MODE_GCM).encrypt(data)
