import hashlib
import unittest
from binascii import hexlify


class StreamTest(unittest.TestCase):
    def test_round_trip(self):
        # Digests only compared by the test's assertion: an oracle, not a value anything trusts.
        # vigil-ok: weak-hash
        produced = hashlib.sha1()
        # vigil-ok: weak-hash
        consumed = hashlib.sha1()
        for chunk in self.chunks:
            produced.update(chunk)
            consumed.update(self.echo(chunk))
        self.assertEqual(produced.hexdigest(), consumed.hexdigest())

    def test_bad_opaque(self):
        # Named like the hasher's own method (`.digest()`), and asserted two steps on.
        # vigil-ok: weak-hash
        digest = hexlify(hashlib.md5(self.key).digest())
        bad = b"-".join((digest, self.key))
        self.assertRaises(ValueError, self.verify, bad)

    def test_stream(self):
        # vigil-ok: weak-hash
        h = hashlib.sha1()
        h.update(self.data)
        assert h.hexdigest() == self.expected

    def test_token(self):
        # vigil-demoted: weak-hash
        token = hashlib.md5(self.user.encode()).hexdigest()
        self.client.login(token)
