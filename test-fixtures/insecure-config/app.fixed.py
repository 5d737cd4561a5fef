import os

import jwt
from flask import Flask, make_response
from flask_cors import CORS

app = Flask(__name__)
# vigil-expect: insecure-config
app.config["DEBUG"] = False
# vigil-expect: insecure-config
CORS(app, supports_credentials=True)
# vigil-ok: insecure-config
CORS(app, origins=["https://app.example.com"], supports_credentials=True)
# vigil-ok: insecure-config
CORS(app)


class Options:
    def __init__(self):
        # vigil-ok: insecure-config
        self.debug = True


@app.route("/login")
def login():
    resp = make_response("ok")
    # vigil-expect: insecure-config
    resp.set_cookie("session", "abc", httponly=True)
    # vigil-ok: insecure-config
    resp.set_cookie("XSRF-TOKEN", "abc", httponly=False, secure=True)
    # vigil-ok: insecure-config
    resp.set_cookie("session", "abc", secure=True, httponly=True)
    return resp


def claims(token):
    # vigil-expect: insecure-config
    return jwt.decode(token, options={"verify_signature": True})


def claims_legacy(token, key):
    # vigil-expect: insecure-config
    return jwt.decode(token, key, verify=True)


def claims_none(token, key):
    # vigil-expect: insecure-config
    return jwt.decode(token, key, algorithms=["none"])


def claims_ok(token, key):
    # vigil-ok: insecure-config
    return jwt.decode(token, key, algorithms=["RS256"])


def verify_options(token, key):
    # vigil-ok: insecure-config
    return jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": False})


if __name__ == "__main__":
    # vigil-expect: insecure-config
    app.run(host="0.0.0.0", debug=False)
    # vigil-ok: insecure-config
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
