import os
import shutil

from flask import request, send_file

UPLOADS = "/srv/uploads/"


def download():
    # vigil-expect: path-traversal
    return send_file(UPLOADS + os.path.basename(request.args["name"]))


def purge():
    # vigil-ok: path-traversal
    shutil.rmtree(UPLOADS + "cache")
    # A folder sink: a bare `..` would still leave the uploads folder, so there is no quick fix here.
    # vigil-expect: path-traversal
    shutil.rmtree(UPLOADS + request.args["dir"])


def report():
    # The input names a folder here, not the file: keeping its last segment would open another file.
    # vigil-expect: path-traversal
    return open(f"{UPLOADS}{request.args['team']}/report.csv").read()
