import os
import shutil
from flask import Flask, request, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/uploads"
LEGACY = False


@app.route("/download")
def download():
    name = request.args.get("name")
    # vigil-expect: path-traversal
    return send_file(os.path.join(UPLOADS, os.path.basename(name)))


@app.route("/safe")
def safe():
    name = secure_filename(request.args["name"])
    # vigil-ok: path-traversal
    return send_file(os.path.join(UPLOADS, name))


@app.route("/overwrite")
def overwrite():
    name = request.form["name"]
    name = "index.html"
    # vigil-ok: path-traversal
    return open(os.path.join(UPLOADS, name)).read()


@app.route("/collections")
def collections():
    files = {"user": request.args["name"], "fixed": "index.html"}
    # vigil-ok: path-traversal
    open(os.path.join(UPLOADS, files["fixed"]))
    # vigil-expect: path-traversal
    open(os.path.join(UPLOADS, os.path.basename(files["user"])))
    parts = []
    parts.append(request.cookies.get("dir"))
    # vigil-expect: path-traversal
    shutil.rmtree("/".join(parts))


def read_upload(path):
    # vigil-expect: path-traversal
    with open(f"{UPLOADS}/{path}") as fh:
        return fh.read()


def name_from_header():
    return request.headers.get("X-File", "")


@app.route("/helper")
def helper():
    read_upload(name_from_header())
    read_upload("readme.txt")


@app.route("/dead")
def dead():
    name = "index.html"
    if LEGACY:
        name = request.args["name"]
    # vigil-ok: path-traversal
    os.remove(os.path.join(UPLOADS, name))


def cleanup(folder):
    # A path parameter of a helper nothing here calls is how file code is written, not evidence of input.
    # vigil-ok: path-traversal
    os.remove(folder + "/cache.db")


def constant():
    # vigil-ok: path-traversal
    os.remove(os.path.join(UPLOADS, "cache.db"))
    # vigil-ok: path-traversal
    os.remove(os.path.join(UPLOADS, str(len(request.args["name"]))))


def startup_file():
    # The environment and the command line belong to whoever runs the program.
    # vigil-ok: path-traversal
    return open(os.environ.get("PYTHONSTARTUP", "")).read()
