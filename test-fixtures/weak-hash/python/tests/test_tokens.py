import hashlib


def test_legacy_token_matches():
    # vigil-demoted: weak-hash
    token = hashlib.md5(b"password").hexdigest()
    # vigil-ok: weak-hash
    modern = hashlib.sha256(b"password").hexdigest()
    assert token != modern
