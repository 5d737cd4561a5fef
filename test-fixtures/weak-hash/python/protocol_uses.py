import hashlib


def apop(magic, password):
    # The challenge is mixed in through a local first (POP3 APOP).
    seed = magic + password
    # vigil-ok: weak-hash
    return hashlib.md5(seed).hexdigest()


def bucket(name):
    # vigil-ok: weak-hash
    return hashlib.md5(name.encode()).hexdigest()[:8]


def identifier(name):
    # vigil-expect: weak-hash
    return hashlib.md5(name.encode()).hexdigest()[:32]
