OPERATIONS = ("add", "sub")


def compute(op, a, b):
    if op not in OPERATIONS:
        raise ValueError(op)
    # vigil-ok: code-injection
    return eval(f"{op}({int(a)}, {int(b)})")


def compute_unchecked(op, a):
    # vigil-expect: code-injection
    return eval(f"{op}({int(a)})")


def compute_view(request):
    return compute_unchecked(request.args["op"], 1)
