# Vigil fixture: string literals used as signing and encryption keys. Every value is fake.
import hmac
import jwt
import requests
from Crypto.Cipher import AES
from cryptography.fernet import Fernet

# vigil-expect: hardcoded-secret
token = jwt.encode(payload, "secret", algorithm="HS256")
# vigil-ok: hardcoded-secret
token = jwt.encode(payload, settings.JWT_KEY, algorithm="HS256")
# vigil-expect: hardcoded-secret
claims = jwt.decode(token, key="k3y-vigil-fixture", algorithms=["HS256"])
# vigil-ok: hardcoded-secret
claims = jwt.decode(token, key=os.environ["JWT_KEY"], algorithms=["HS256"])
# vigil-expect: hardcoded-secret
mac = hmac.new(b"hmac-vigil-fixture", body, "sha256")
# vigil-ok: hardcoded-secret
mac = hmac.new(hmac_key, body, "sha256")
# vigil-expect: hardcoded-secret
cipher = AES.new(b"0123456789abcdef", AES.MODE_GCM)
# vigil-ok: hardcoded-secret
cipher = AES.new(key, AES.MODE_GCM)
# vigil-expect: hardcoded-secret
f = Fernet("vigilFixtureFernetKey0123456789abcdefghijkl=")
# vigil-ok: hardcoded-secret
f = Fernet(os.environ["FERNET_KEY"])
# vigil-expect: hardcoded-secret
app.secret_key = "dev"
# vigil-ok: hardcoded-secret
app.secret_key = os.environ["FLASK_SECRET_KEY"]
# vigil-expect: hardcoded-secret
app.config["SECRET_KEY"] = "flask-vigil-fixture"
# vigil-ok: hardcoded-secret
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY")
# vigil-expect: hardcoded-secret
r = requests.get(url, auth=("admin", "basic-vigil-fixture"))
# vigil-ok: hardcoded-secret
r = requests.get(url, auth=("admin", password))
# vigil-expect: hardcoded-secret
key = serialization.load_pem_private_key(pem, password=b"rsa-vigil-fixture")
# vigil-ok: hardcoded-secret
key = serialization.load_pem_private_key(pem, password=None)


# A file format's magic marker names the format, not a secret.
# vigil-ok: hardcoded-secret
OPENSSH_TOKEN_MAGIC = b"vigil-key-v1\x00"
# vigil-expect: hardcoded-secret
AUTH_TOKEN = "Jd7-vigil-Fixture-Q2wLm8"
