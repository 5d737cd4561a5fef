"""Storage client settings (fixture for Vigil's editor tests; the key is made up)."""
import os

# vigil-expect: hardcoded-secret
AWS_ACCESS_KEY_ID = "AKIAZ7QK4LMW2RTX5VNC"

# vigil-ok: hardcoded-secret
AWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]
