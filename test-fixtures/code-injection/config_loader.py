import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
about = {}
# vigil-ok: code-injection
exec(open(os.path.join(here, "mypkg", "__version__.py")).read(), about)


def load_piped():
    # Code piped in by whoever runs the program is not the program's own.
    # vigil-expect: code-injection
    exec(sys.stdin.read(), about)

