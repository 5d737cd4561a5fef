import hashlib


def store_response(cache, request, body):
    # The digest only names an entry: a collision costs a cache miss, nothing more.
    # vigil-ok: weak-hash
    cache_key = hashlib.sha1(request.url.encode()).hexdigest()
    # vigil-ok: weak-hash
    media_guid = hashlib.sha1(request.url.encode()).hexdigest()
    # vigil-ok: weak-hash
    cache[request.fingerprint] = hashlib.md5(body).digest()
    return cache_key, media_guid


def hmac_sha1(key, message):
    # A hand-written HMAC: its inner and outer hashes are not where collisions matter.
    # vigil-ok: weak-hash
    inner = hashlib.sha1(key + message).digest()
    # vigil-ok: weak-hash
    return hashlib.sha1(key + inner).digest()


def etag(body):
    # A helper's name does not decide the use: its callers do.
    # vigil-expect: weak-hash
    return hashlib.md5(body).hexdigest()


def shard_path(root, name):
    # vigil-ok: weak-hash
    return root + "/objects/" + hashlib.md5(name.encode()).hexdigest()[:2] + "/" + name


def signed_link(secret, path):
    # A digest in a URL's query may be a signature: no evidence of a mere name.
    # vigil-expect: weak-hash
    return "/download?sig=" + hashlib.md5((secret + path).encode()).hexdigest()


def session_token(user):
    # vigil-expect: weak-hash
    token = hashlib.sha1(user.email.encode()).hexdigest()
    return token


def cache_key_of_password(password):
    # A password digest stays reported wherever it goes.
    # vigil-expect: weak-hash
    cache_key = hashlib.md5(password.encode()).hexdigest()
    return cache_key


def apop_digest(magic, password):
    # A challenge-response proof the protocol prescribes (POP3 APOP): forging it needs a preimage.
    # vigil-ok: weak-hash
    return hashlib.md5(magic + password).hexdigest()


def respond(challenge, password):
    # vigil-ok: weak-hash
    m = hashlib.md5()
    m.update(password)
    m.update(challenge)
    return m.digest()
