import hmac
import os

import jwt

K = "t7Hq2Vn9Lc4x"


def issue(payload):
    key = "f3Kd8Wm1Qz6r"
    # vigil-expect: hardcoded-secret
    return jwt.encode(payload, key, algorithm="HS256")


def mac(message):
    # vigil-expect: hardcoded-secret
    return hmac.new(K.encode(), message, "sha256").hexdigest()


def issue_from_env(payload):
    key = os.environ["JWT_KEY"]
    # vigil-ok: hardcoded-secret
    return jwt.encode(payload, key, algorithm="HS256")
