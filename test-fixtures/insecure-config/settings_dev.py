# Development settings: debug on and plain-HTTP cookies are intended here.
# vigil-ok: insecure-config
DEBUG = True
# vigil-ok: insecure-config
SESSION_COOKIE_SECURE = False
