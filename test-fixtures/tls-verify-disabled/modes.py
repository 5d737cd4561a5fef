import ssl

# A library reads the verify mode its caller configured: comparisons, lookups and choices are not settings.
CERT_REQS = {
    # vigil-ok: tls-verify-disabled
    "none": ssl.CERT_NONE,
    "required": ssl.CERT_REQUIRED,
}


class Options:
    def __init__(self, verify):
        self._verify = verify

    @property
    def verify_mode(self):
        # vigil-ok: tls-verify-disabled
        return ssl.CERT_REQUIRED if self._verify else ssl.CERT_NONE


def check(mode, ctx):
    # vigil-ok: tls-verify-disabled
    assert mode in (ssl.CERT_NONE, ssl.CERT_OPTIONAL, ssl.CERT_REQUIRED)
    # vigil-ok: tls-verify-disabled
    if mode != ssl.CERT_NONE:
        ctx.load_default_certs()


def insecure(ctx, legacy):
    # vigil-expect: tls-verify-disabled
    ctx.verify_mode = ssl.CERT_NONE
    # vigil-expect: tls-verify-disabled
    wrapped = ssl.wrap_socket(legacy, cert_reqs=ssl.CERT_NONE)
    # vigil-expect: tls-verify-disabled
    fallback = ssl.CERT_NONE if legacy else ssl.CERT_OPTIONAL
    return wrapped, fallback
