"""Never opened by the tests: its finding must come from Vigil: Scan Workspace."""
import hashlib


def password_digest(password: str) -> str:
    # vigil-expect: weak-hash
    return hashlib.md5(password.encode()).hexdigest()
