import hmac
from hashlib import md5, sha256


def checksum(data: bytes) -> str:
    # vigil-expect: weak-hash
    return sha256(data).hexdigest()


def legacy_login(password: str) -> str:
    # a password: no SHA-256 fix, so md5 stays imported for this call
    # vigil-expect: weak-hash
    return md5(password.encode()).hexdigest()


def sign(key: bytes, msg: bytes) -> bytes:
    # vigil-ok: weak-hash
    return hmac.new(key, msg, md5).digest()


def shadowed(md5sum: str) -> str:
    # vigil-ok: weak-hash
    return md5sum.upper()
