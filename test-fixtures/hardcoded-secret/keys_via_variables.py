import hmac
import os

import jwt
import jwt as pyjwt

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


def converted_at_call(message):
    # vigil-expect: hardcoded-secret
    return hmac.new("Ux4-vigil-fixture".encode(), message, "sha256").hexdigest()


def aliased(payload):
    # vigil-expect: hardcoded-secret
    return pyjwt.encode(payload, "Vy5-vigil-fixture", algorithm="HS256")


def templated(payload):
    # vigil-ok: hardcoded-secret
    return jwt.encode(payload, "%(jwt_key)s", algorithm="HS256")
