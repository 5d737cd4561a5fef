import pickle as serializer
from pickle import loads

import pandas as pd
import yaml


def restore(blob):
    # vigil-expect: insecure-deserialization
    return serializer.loads(blob)


def restore_imported(blob):
    # vigil-expect: insecure-deserialization
    return loads(blob)


def frame(path):
    # vigil-expect: insecure-deserialization
    return pd.read_pickle(path)


def config(text):
    # vigil-ok: insecure-deserialization
    return yaml.safe_load(text)


def encode(obj):
    # vigil-ok: insecure-deserialization
    return serializer.dumps(obj)
