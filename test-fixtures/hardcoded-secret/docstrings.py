"""Engine helpers (Vigil fixture: every value here is fake).

Connect with a URL such as::

    # vigil-ok: hardcoded-secret
    engine = create_engine("postgresql://app:Qx7-vigil-Fixture-92kLm@db.internal/app")
"""

# vigil-ok: hardcoded-secret
SESSION_KEY = "_auth_user_id"
# vigil-ok: hardcoded-secret
BACKEND_SESSION_KEY = "_auth_user_backend"


def connect(url=None):
    """Open a connection.

    The URL defaults to the one in the settings::

        # vigil-ok: hardcoded-secret
        connect("mysql+pymysql://app:Qx7-vigil-Fixture-92kLm@db.internal/test?charset=utf8mb4")
    """
    # vigil-ok: hardcoded-secret
    example = "oracle://scott:tiger@localhost/orcl"
    # vigil-expect: hardcoded-secret
    live = "postgresql://app:Qx7-vigil-Fixture-92kLm@db.internal/app"
    # vigil-expect: hardcoded-secret
    SIGNING_KEY = "_9fQz2LmXv7RkT3pWc8Hd"
    return url or live
