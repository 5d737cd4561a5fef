import importlib

from flask import Flask, abort, request

from app import handlers

app = Flask(__name__)
ACTIONS = {"list": handlers.list_items, "show": handlers.show_item}
PLUGINS = ("csv", "pdf")


@app.get("/run")
def run():
    # vigil-expect: unsafe-reflection
    handler = getattr(handlers, request.args["action"])
    # vigil-expect: unsafe-reflection
    plugin = importlib.import_module("plugins." + request.args.get("plugin", "csv"))
    # vigil-expect: unsafe-reflection
    mod = __import__(request.form["module"])
    return handler(plugin, mod)


@app.get("/run-safe")
def run_safe():
    # vigil-ok: unsafe-reflection
    handler = ACTIONS[request.args["action"]]
    name = request.args.get("plugin", "csv")
    if name not in PLUGINS:
        abort(400)
    # vigil-ok: unsafe-reflection
    plugin = importlib.import_module("plugins." + name)
    # vigil-ok: unsafe-reflection
    label = getattr(handler, "__name__")
    # vigil-ok: unsafe-reflection
    size = getattr(plugin, "SIZE", 10)
    return label, size
