import pickle

STATE_DIR = "/var/lib/crawler"


def confirm_picklable(obj):
    # vigil-ok: insecure-deserialization
    pickle.loads(pickle.dumps(obj))


class Headers:
    def __setstate__(self, state):
        self.__dict__.update(state)


def restore(request):
    # vigil-expect: insecure-deserialization
    return pickle.loads(request.body)


class SpiderState:
    """The crawler's own state file, written by this class next to its job: no outside input names it."""

    def __init__(self):
        self.statefn = STATE_DIR + "/spider.state"

    def load(self):
        with open(self.statefn, "rb") as f:
            # vigil-ok: insecure-deserialization
            return pickle.load(f)


def upload(request):
    with open("/srv/uploads/" + request.args["name"], "rb") as f:
        # vigil-expect: insecure-deserialization
        return pickle.load(f)
