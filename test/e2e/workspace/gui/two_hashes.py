import hashlib

token = hashlib.md5(b"body").hexdigest()
signature = hashlib.sha1(b"body").hexdigest()
