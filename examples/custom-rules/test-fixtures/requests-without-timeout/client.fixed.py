import requests

def fetch(url):
    # vigil-expect: requests-without-timeout
    return requests.get(url, timeout=10)

def post(url, body):
    # vigil-expect: requests-without-timeout
    return requests.post(url, json=body, timeout=10)

def fetch_ok(url):
    # vigil-ok: requests-without-timeout
    return requests.get(url, timeout=(3.05, 10))

def session_call(session, url):
    # vigil-ok: requests-without-timeout
    return session.get(url)

def other(cache, key):
    # vigil-ok: requests-without-timeout
    return cache.get(key)
