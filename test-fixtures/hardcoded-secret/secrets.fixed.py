"""Service settings (Vigil fixture: every value here is fake)."""
import os
import logging

log = logging.getLogger(__name__)

# vigil-expect: hardcoded-secret
DB_PASSWORD = os.environ["DB_PASSWORD"]
# vigil-expect: hardcoded-secret
api_key: str = os.environ["API_KEY"]
# vigil-ok: hardcoded-secret
db_password_env = os.environ["DB_PASSWORD"]
# vigil-ok: hardcoded-secret
api_token = os.getenv("API_TOKEN")
# vigil-ok: hardcoded-secret
password = ""
# vigil-ok: hardcoded-secret
password = "changeme"
# vigil-ok: hardcoded-secret
secret_key = "your-secret-key-here"
# vigil-ok: hardcoded-secret
aws_access_key_id = "AKIAIOSFODNN7EXAMPLE"
# vigil-ok: hardcoded-secret
password_field = "user_password_input"
# vigil-ok: hardcoded-secret
token_url = "https://auth.vigil.invalid/oauth/token"
# vigil-ok: hardcoded-secret
request_id = "550e8400-e29b-41d4-a716-446655440000"
# vigil-ok: hardcoded-secret
auth_header = f"Bearer {token}"
# vigil-ok: hardcoded-secret
PASSWORD_ENV_VAR = "DB_PASSWORD"
# vigil-ok: hardcoded-secret
next_page_token = "c2b9f1e07d3a4c58b6e1f0a9d2c7e4b3"


class Client:
    def __init__(self):
        # vigil-expect: hardcoded-secret
        self.client_secret = os.environ["CLIENT_SECRET"]
        # vigil-ok: hardcoded-secret
        self.secret = "xxxxxxxxxxxxxxxx"


# vigil-expect: hardcoded-secret
def connect(user, password=os.environ["PASSWORD"]):
    pass


def make():
    # vigil-expect: hardcoded-secret
    return connect("svc", password=os.environ["PASSWORD"])


def headers():
    # vigil-expect: hardcoded-secret
    return {"Authorization": "Bearer " + os.environ["AUTHORIZATION"]}


settings = {}
# vigil-expect: hardcoded-secret
settings["smtp_password"] = os.environ["SMTP_PASSWORD"]
# vigil-ok: hardcoded-secret
settings["smtp_password"] = "${SMTP_PASSWORD}"
# vigil-ok: hardcoded-secret
settings["token"] = "{{ vault_token }}"
# vigil-ok: hardcoded-secret
settings["password"] = "%(db_password)s"
