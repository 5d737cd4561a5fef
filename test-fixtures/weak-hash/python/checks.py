import hashlib
import unittest


# No test naming convention, but the file imports unittest: a test module all the same.
class LegacyTokenCase(unittest.TestCase):
    def test_token(self):
        # vigil-demoted: weak-hash
        token = hashlib.md5(b"password").hexdigest()
        # vigil-ok: weak-hash
        self.assertEqual(len(token), 32)
