import yaml


def load_both(a, b):
    first = yaml.load(a)
    second = yaml.load(b)
    return first, second
