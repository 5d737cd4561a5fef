import pickle


def confirm_picklable(obj):
    # vigil-ok: insecure-deserialization
    pickle.loads(pickle.dumps(obj))


class Headers:
    def __setstate__(self, state):
        self.__dict__.update(state)


def restore(request):
    # vigil-expect: insecure-deserialization
    return pickle.loads(request.body)
