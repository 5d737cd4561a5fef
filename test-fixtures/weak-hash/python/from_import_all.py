from hashlib import md5, sha1 as fast_sha1
from hashlib import blake2b


def checksum(data: bytes) -> str:
    # vigil-expect: weak-hash
    return md5(data).hexdigest()


def fingerprint(data: bytes) -> str:
    # vigil-expect: weak-hash
    return fast_sha1(data).hexdigest()


def tree_id(data: bytes) -> str:
    # vigil-expect: weak-hash
    h = md5()
    h.update(data)
    return h.hexdigest()


def modern(data: bytes) -> str:
    # vigil-ok: weak-hash
    return blake2b(data).hexdigest()


def non_security(data: bytes) -> str:
    # fast_sha1 is still imported for this call, so the fix keeps it
    # vigil-ok: weak-hash
    return fast_sha1(data, usedforsecurity=False).hexdigest()
