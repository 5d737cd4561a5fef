import os

# vigil-expect: insecure-config
DEBUG = True

ALLOWED_HOSTS = ["example.com"]

# vigil-expect: insecure-config
SESSION_COOKIE_SECURE = False
# vigil-expect: insecure-config
SESSION_COOKIE_HTTPONLY = False
# vigil-ok: insecure-config
CSRF_COOKIE_SECURE = True
# vigil-ok: insecure-config
CSRF_COOKIE_HTTPONLY = False

# vigil-expect: insecure-config
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True

# vigil-ok: insecure-config
TEMPLATE_DEBUG = os.environ.get("TEMPLATE_DEBUG") == "1"
# vigil-ok: insecure-config
USE_TZ = True
