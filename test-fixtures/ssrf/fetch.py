import urllib.request
from urllib.parse import quote

import requests
from flask import Flask, request

app = Flask(__name__)
API = "https://api.example.com/items/"


@app.route("/proxy")
def proxy():
    url = request.args["url"]
    # vigil-expect: ssrf
    return requests.get(url, timeout=5).text


@app.route("/preview", methods=["POST"])
def preview():
    body = request.get_json()
    # vigil-expect: ssrf
    return urllib.request.urlopen(body["link"]).read()


@app.route("/item")
def item():
    item_id = quote(request.args["id"], safe="")
    # vigil-ok: ssrf
    requests.get(API + item_id, timeout=5)
    # vigil-ok: ssrf
    return requests.get(API + "latest", timeout=5).text


def call(url):
    # vigil-expect: ssrf
    return requests.post(url, json={}, timeout=5)


@app.route("/hook")
def hook():
    call(request.form["callback"])
    call(API)


@app.route("/count")
def count():
    n = len(request.args["url"])
    # vigil-ok: ssrf
    return requests.get(API + str(n), timeout=5).text
