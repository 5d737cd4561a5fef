import json
import pickle

import jsonpickle
import pandas as pd
import yaml


def from_request(request):
    # vigil-expect: insecure-deserialization
    session = pickle.loads(request.cookies["session"])
    # vigil-expect: insecure-deserialization
    state = jsonpickle.decode(request.data)
    # vigil-ok: insecure-deserialization
    body = json.loads(request.data)
    # vigil-ok: insecure-deserialization
    blob = pickle.dumps(body)
    return session, state, blob


def from_disk(path):
    with open(path, "rb") as fh:
        # vigil-expect: insecure-deserialization
        model = pickle.load(fh)
    # vigil-expect: insecure-deserialization
    frame = pd.read_pickle(path)
    # vigil-ok: insecure-deserialization
    table = pd.read_csv(path)
    return model, frame, table


def config(text, stream):
    # vigil-expect: insecure-deserialization
    a = yaml.safe_load(text)
    # vigil-expect: insecure-deserialization
    b = yaml.load(stream, Loader=yaml.Loader)
    # vigil-expect: insecure-deserialization
    c = yaml.safe_load(text)
    # vigil-ok: insecure-deserialization
    d = yaml.load(text, Loader=yaml.SafeLoader)
    # vigil-ok: insecure-deserialization
    e = yaml.load(text, yaml.CSafeLoader)
    # vigil-ok: insecure-deserialization
    f = yaml.safe_load(text)
    # vigil-ok: insecure-deserialization
    g = list(yaml.safe_load_all(stream))
    # vigil-ok: insecure-deserialization
    h = yaml.dump(a)
    return a, b, c, d, e, f, g, h
