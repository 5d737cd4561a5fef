"""Checksums for uploaded files (fixture for Vigil's editor tests)."""
import hashlib


def upload_checksum(data: bytes) -> str:
    # vigil-expect: weak-hash
    return hashlib.md5(data).hexdigest()


def legacy_signature(data: bytes) -> str:
    # vigil-expect: weak-hash
    return hashlib.sha1(data).hexdigest()


def cache_key(data: bytes) -> str:
    # Not a security use, and it says so.
    # vigil-ok: weak-hash
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def strong_checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
