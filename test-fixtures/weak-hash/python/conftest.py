import hashlib

import pytest


@pytest.fixture
def legacy_digest():
    # vigil-demoted: weak-hash
    return hashlib.sha1(b"secret").hexdigest()


@pytest.fixture
def modern_digest():
    # vigil-ok: weak-hash
    return hashlib.sha256(b"secret").hexdigest()
