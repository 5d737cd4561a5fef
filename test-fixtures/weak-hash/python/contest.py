import hashlib

# "contest" contains "test"; a string that mentions pytest is no import of it.
RUNNER = "import pytest"


def entry_token(password):
    # vigil-expect: weak-hash
    return hashlib.md5(password.encode()).hexdigest()


def entry_id(name):
    # vigil-ok: weak-hash
    return hashlib.sha256(name.encode()).hexdigest()
