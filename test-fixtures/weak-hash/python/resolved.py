import hashlib as h
import os

from Crypto.Hash import MD5 as LegacyDigest

DIGEST = "sha1"
STRONG = "sha256"


def aliased(data):
    # vigil-expect: weak-hash
    return h.new("md5", data).hexdigest()


def from_constant(data):
    # vigil-expect: weak-hash
    return h.new(DIGEST, data).hexdigest()


def from_environment(data):
    name = os.getenv("DIGEST_ALGORITHM", "md5")
    # vigil-expect: weak-hash
    return h.new(name, data).hexdigest()


def reassigned(data):
    name = "md5"
    name = STRONG
    # vigil-ok: weak-hash
    return h.new(name, data).hexdigest()


def formatted(data):
    name = "%s%d" % ("sha", 1)
    # vigil-expect: weak-hash
    return h.new(name, data).hexdigest()


def dead(data):
    if False:
        # vigil-ok: weak-hash
        return h.md5(data).hexdigest()
    # vigil-ok: weak-hash
    return h.sha256(data).hexdigest()


def pycryptodome_alias(data):
    # vigil-expect: weak-hash
    return LegacyDigest.new(data).hexdigest()


def checksum(data):
    # vigil-ok: weak-hash
    return h.new("md5", data, usedforsecurity=False).hexdigest()


def _digest_with(algorithm, data):
    # The module-level call below gives `algorithm` its value.
    # vigil-expect: weak-hash
    return h.new(algorithm, data).hexdigest()


def _digest_strong(algorithm, data):
    # vigil-ok: weak-hash
    return h.new(algorithm, data).hexdigest()


SESSION_SIGNATURE = _digest_with("md5", b"session")
# vigil-ok: weak-hash
INTEGRITY = _digest_strong("sha256", b"payload")
