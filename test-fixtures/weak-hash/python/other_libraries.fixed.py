from Crypto.Hash import MD5, SHA256
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.asymmetric import padding


def pycryptodome_digest(data: bytes) -> str:
    # pycryptodome: flagged, no fix (the import names a module)
    # vigil-expect: weak-hash
    return MD5.new(data).hexdigest()


def pycryptodome_strong(data: bytes) -> str:
    # vigil-ok: weak-hash
    return SHA256.new(data).hexdigest()


def cryptography_digest(data: bytes) -> bytes:
    # vigil-expect: weak-hash
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize()


def cryptography_md5(data: bytes) -> bytes:
    # vigil-expect: weak-hash
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize()


def cryptography_mac(key: bytes, data: bytes) -> bytes:
    # HMAC with SHA-1 is fine
    # vigil-ok: weak-hash
    h = hmac.HMAC(key, hashes.SHA1())
    h.update(data)
    return h.finalize()


def oaep():
    # SHA-1 inside OAEP/MGF1 padding is not a collision-sensitive use
    # vigil-ok: weak-hash
    return padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA1()), algorithm=hashes.SHA1(), label=None)


def cryptography_strong(data: bytes) -> bytes:
    # vigil-ok: weak-hash
    digest = hashes.Hash(hashes.SHA256())
    return digest.finalize()
