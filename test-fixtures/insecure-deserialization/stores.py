import pickle


class MemoryCache:
    """An in-process cache: it pickles on the way in and reads back its own entries."""

    def __init__(self):
        self._cache = {}

    def set(self, key, value):
        self._cache[key] = pickle.dumps(value)

    def get(self, key):
        pickled = self._cache[key]
        # vigil-ok: insecure-deserialization
        return pickle.loads(pickled)

    def get_raw(self, key):
        # vigil-ok: insecure-deserialization
        return pickle.loads(self._cache[key])


class Peer:
    def __init__(self, sock):
        self.sock = sock

    def send(self, obj):
        self.sock.sendall(pickle.dumps(obj))

    def receive(self):
        # What the socket delivers is outside input, whatever the class dumps.
        # vigil-expect: insecure-deserialization
        return pickle.loads(self.sock.recv(65536))


def copy_of(obj):
    # A round trip through a local: a deep copy of an object the program holds.
    pickled = pickle.dumps(obj)
    # vigil-ok: insecure-deserialization
    return pickle.loads(pickled)


def received(conn):
    data = conn.recv(4096)
    # vigil-expect: insecure-deserialization
    return pickle.loads(data)
