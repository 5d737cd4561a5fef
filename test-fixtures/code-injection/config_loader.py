import os

here = os.path.dirname(os.path.abspath(__file__))
about = {}
# vigil-ok: code-injection
exec(open(os.path.join(here, "mypkg", "__version__.py")).read(), about)


def load(path):
    # vigil-expect: code-injection
    exec(open(path).read(), about)
