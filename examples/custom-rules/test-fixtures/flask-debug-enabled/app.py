import os

from flask import Flask

app = Flask(__name__)
DEBUG = True


def main():
    # vigil-expect: flask-debug-enabled
    app.run(debug=DEBUG)


def from_environment():
    debug = os.environ.get("FLASK_DEBUG") == "1"
    # vigil-ok: flask-debug-enabled
    app.run(debug=debug)


def explicit_off():
    # vigil-ok: flask-debug-enabled
    app.run(host="0.0.0.0", debug=False)
