import base64
import hashlib

WS_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def stat_file(ftp, path):
    # The hasher's digest goes to a checksum field a few lines later.
    # vigil-ok: weak-hash
    m = hashlib.md5()
    ftp.retrbinary("RETR " + path, m.update)
    return {"checksum": m.hexdigest()}


def signature(secret, body):
    # vigil-expect: weak-hash
    h = hashlib.sha1()
    h.update(secret + body)
    return {"signature": h.hexdigest()}


class Handler:
    def compute_etag(self):
        # Returned, and every caller in the file stores it as an ETag.
        # vigil-ok: weak-hash
        hasher = hashlib.sha1()
        for part in self.parts:
            hasher.update(part)
        return hasher.hexdigest()

    def set_etag_header(self):
        etag = self.compute_etag()
        self.set_header("Etag", etag)

    def reset_token(self):
        # vigil-expect: weak-hash
        return hashlib.md5(self.user.email.encode()).hexdigest()

    def send_reset(self):
        token = self.reset_token()
        self.mail(token)


class Script:
    def __init__(self, client, script):
        self.client = client
        # The server names scripts by their SHA-1: the field is only ever handed to EVALSHA.
        # vigil-ok: weak-hash
        self.sha = hashlib.sha1(script).hexdigest()

    def __call__(self, keys):
        return self.client.evalsha(self.sha, len(keys), *keys)


class Session:
    def __init__(self, user):
        # vigil-expect: weak-hash
        self.key = hashlib.sha1(user.encode()).hexdigest()

    def cookie(self):
        return {"session": self.key}


def accept_key(key):
    # vigil-ok: weak-hash
    accept = base64.b64encode(hashlib.sha1(key.encode() + WS_GUID).digest()).decode()
    return {"Sec-WebSocket-Accept": accept}


# A digest of constant data: nothing secret and nothing chosen by anyone goes in.
# vigil-ok: weak-hash
EMPTY_DIGEST = hashlib.md5().hexdigest()


def seeded(data):
    # A constant start, then the caller's data.
    # vigil-expect: weak-hash
    h = hashlib.md5(b"prefix")
    h.update(data)
    return h.digest()
