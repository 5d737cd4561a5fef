import ssl
import urllib.request

import aiohttp
import requests
import urllib3

CA_BUNDLE = "/etc/ssl/certs/internal-ca.pem"


def fetch(url):
    # vigil-expect: tls-verify-disabled
    r = requests.get(url, timeout=5, verify=True)
    # vigil-ok: tls-verify-disabled
    r2 = requests.get(url, timeout=5, verify=CA_BUNDLE)
    # vigil-ok: tls-verify-disabled
    r3 = requests.post(url, json={"verify": False})
    return r, r2, r3


def session():
    s = requests.Session()
    # vigil-expect: tls-verify-disabled
    s.verify = True
    # vigil-ok: tls-verify-disabled
    s.trust_env = False
    return s


def contexts():
    # vigil-expect: tls-verify-disabled
    legacy = ssl.create_default_context()
    ctx = ssl.create_default_context()
    # vigil-expect: tls-verify-disabled
    ctx.check_hostname = True
    # vigil-expect: tls-verify-disabled
    ctx.verify_mode = ssl.CERT_REQUIRED
    # vigil-ok: tls-verify-disabled
    strict = ssl.create_default_context(cafile=CA_BUNDLE)
    # vigil-ok: tls-verify-disabled
    strict.verify_mode = ssl.CERT_REQUIRED
    return legacy, ctx, strict


def pools():
    # vigil-expect: tls-verify-disabled
    insecure = urllib3.PoolManager(cert_reqs="CERT_REQUIRED")
    # vigil-ok: tls-verify-disabled
    secure = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=CA_BUNDLE)
    return insecure, secure


async def aio(url):
    # vigil-expect: tls-verify-disabled
    conn = aiohttp.TCPConnector(ssl=True)
    async with aiohttp.ClientSession(connector=conn) as s:
        # vigil-ok: tls-verify-disabled
        async with s.get(url, allow_redirects=False) as resp:
            return await resp.text()


def unrelated(form):
    # vigil-ok: tls-verify-disabled
    form.validate(verify=False)
    # vigil-ok: tls-verify-disabled
    return urllib.request.urlopen("https://example.org", timeout=3)


VERIFY_TLS = False


def through_a_constant(url):
    # vigil-expect: tls-verify-disabled
    return requests.get(url, verify=VERIFY_TLS)


def through_a_session(url, strict):
    session = requests.Session()
    check = strict and True
    # vigil-ok: tls-verify-disabled
    return session.get(url, verify=check)
