import ast
import json

DEFAULTS = "{'debug': False}"


def calculate(request):
    # vigil-expect: code-injection
    return eval(request.args["expr"])


def run_snippet(name, body):
    source = f"def {name}():\n    {body}\n"
    # vigil-expect: code-injection
    exec(source, {})


def apply(op, a, b):
    # Built from parameters only, with no caller here: no sign of outside input (a caller elsewhere that passes input is reported by a scan).
    # vigil-ok: code-injection
    return eval("%s %s %s" % (a, op, b))


def parse_literal(text):
    # vigil-ok: code-injection
    return ast.literal_eval(text)


def parse_data(text):
    # vigil-ok: code-injection
    return json.loads(text)


def defaults():
    # vigil-ok: code-injection
    return eval(DEFAULTS)


def constant():
    # vigil-ok: code-injection
    exec("import this")


def model_eval(model, batch):
    # vigil-ok: code-injection
    return model.eval(batch)


def snippet_view(request):
    return run_snippet("handler", request.args["body"])
