import hashlib
import unittest


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

    def test_token(self):
        # vigil-demoted: weak-hash
        token = hashlib.md5(self.user.encode()).hexdigest()
        self.client.login(token)
