import ssl
from ssl import match_hostname


def wrap(sock, host, ca_file):
    ctx = ssl.create_default_context(cafile=ca_file)
    # The host name is matched below, after the handshake, against a list of extra names too.
    # vigil-ok: tls-verify-disabled
    ctx.check_hostname = False
    wrapped = ctx.wrap_socket(sock)
    match_hostname(wrapped.getpeercert(), host)
    return wrapped


def peer_is_valid(options, sock, host):
    # The configured mode is read with a fallback, and only compared.
    if isinstance(options, dict):
        # vigil-ok: tls-verify-disabled
        mode = options.get("cert_reqs", ssl.CERT_NONE)
    else:
        mode = options.mode
    assert mode in (ssl.CERT_NONE, ssl.CERT_REQUIRED)
    if mode == ssl.CERT_NONE or host is None:
        return True
    return sock.getpeercert() is not None


def configure(options):
    # A fallback that becomes the setting is a default that does not verify.
    # vigil-expect: tls-verify-disabled
    mode = options.get("cert_reqs", ssl.CERT_NONE)
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), mode
