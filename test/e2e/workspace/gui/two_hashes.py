import hashlib

etag = hashlib.md5(b"body").hexdigest()
rev = hashlib.sha1(b"body").hexdigest()
