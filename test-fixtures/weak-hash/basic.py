import hashlib

def digest(data):
    # vigil-expect: weak-hash
    return hashlib.md5(data).hexdigest()

def cache_key(data):
    # vigil-ok: weak-hash
    return hashlib.md5(data, usedforsecurity=False).hexdigest()
