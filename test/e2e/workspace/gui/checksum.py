import hashlib


def signature(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()
