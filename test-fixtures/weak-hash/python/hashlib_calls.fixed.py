import hashlib
import hashlib as hl
import hmac


def file_digest(data: bytes) -> str:
    # vigil-expect: weak-hash
    return hashlib.sha256(data).hexdigest()


def signature_base(payload: bytes) -> bytes:
    # vigil-expect: weak-hash
    return hashlib.sha256(payload).digest()


def aliased(blob: bytes) -> str:
    # vigil-expect: weak-hash
    return hl.sha256(blob).hexdigest()


def by_name(blob: bytes) -> str:
    # vigil-expect: weak-hash
    h = hashlib.new("sha256")
    h.update(blob)
    # vigil-expect: weak-hash
    other = hashlib.new('SHA256', blob)
    return h.hexdigest() + other.hexdigest()


def legacy_md4(blob: bytes) -> str:
    # vigil-expect: weak-hash
    return hashlib.new("sha256", blob).hexdigest()


def store_password(password: str) -> str:
    # the value is a password: the message asks for a password hash, and there is no SHA-256 fix
    # vigil-expect: weak-hash
    return hashlib.md5(password.encode()).hexdigest()


def store_pwd(user) -> str:
    # vigil-expect: weak-hash
    h = hashlib.sha1()
    h.update(user.pwd.encode())
    return h.hexdigest()


def reset_token(seed: bytes) -> str:
    # the result's name mentions a password, the hashed value does not: the normal message and fix
    # vigil-expect: weak-hash
    password_reset_token = hashlib.sha256(seed).hexdigest()
    return password_reset_token


def etag(body: bytes) -> str:
    # vigil-ok: weak-hash
    return hashlib.md5(body, usedforsecurity=False).hexdigest()


def etag_by_name(body: bytes) -> str:
    # vigil-ok: weak-hash
    return hashlib.new("sha1", body, usedforsecurity=False).hexdigest()


def strong(blob: bytes) -> str:
    # vigil-ok: weak-hash
    return hashlib.sha256(blob).hexdigest()


def strong_by_name(blob: bytes) -> str:
    # vigil-ok: weak-hash
    return hashlib.new("sha512", blob).hexdigest()


def mac(key: bytes, msg: bytes) -> bytes:
    # HMAC-MD5 is not broken as a MAC
    # vigil-ok: weak-hash
    return hmac.new(key, msg, hashlib.md5).digest()


def mac_digestmod(key: bytes, msg: bytes) -> bytes:
    # vigil-ok: weak-hash
    return hmac.new(key, msg, digestmod=hashlib.sha1).digest()


def derive(password: bytes, salt: bytes) -> bytes:
    # PBKDF2-HMAC-SHA1 is a key derivation, not a bare digest
    # vigil-ok: weak-hash
    return hashlib.pbkdf2_hmac("sha1", password, salt, 600_000)


def my_md5_helper(data: bytes) -> str:
    # vigil-ok: weak-hash
    md5sum = compute_checksum(data)
    # vigil-ok: weak-hash
    return str(md5sum)


def call_local_helper(data: bytes) -> str:
    # a local function whose name mentions md5
    # vigil-ok: weak-hash
    return my_md5_helper(data)


class Tools:
    def md5(self, data):
        return data


def method_named_md5(tools: Tools, data: bytes):
    # not hashlib
    # vigil-ok: weak-hash
    return tools.md5(data)


# vigil-ok: weak-hash
ALGORITHM_NOTE = "we moved from hashlib.md5 to sha256"
