import pytest
from flask import Flask
from flask_cors import CORS

from app.cors import strict_cors


def test_credentials_need_an_origin_list():
    app = Flask(__name__)
    with pytest.raises(ValueError):
        # vigil-ok: insecure-config
        strict_cors(CORS(app, supports_credentials=True))


def test_demo_app():
    app = Flask(__name__)
    # vigil-demoted: insecure-config
    CORS(app, supports_credentials=True)
    assert app
