from django.http import HttpResponseRedirect
from flask import Flask, redirect, request, url_for

app = Flask(__name__)
SAFE_MODE = False


@app.route("/login")
def login():
    # vigil-expect: open-redirect
    return redirect(request.args.get("next"))


@app.route("/logout")
def logout():
    # vigil-ok: open-redirect
    return redirect(url_for("index"))


def legacy(request):
    target = request.GET.get("next")
    # vigil-expect: open-redirect
    return HttpResponseRedirect(target)


def pick_target():
    return request.cookies.get("return_to", "/")


@app.route("/back")
def back():
    target = pick_target()
    # vigil-expect: open-redirect
    return redirect(target)


@app.route("/home")
def home():
    target = request.args.get("next")
    target = "/"
    # vigil-ok: open-redirect
    return redirect(target)


@app.route("/dead")
def dead():
    target = "/"
    if SAFE_MODE:
        target = request.args["next"]
    # vigil-ok: open-redirect
    return redirect(target)


@app.route("/numeric")
def numeric():
    page = int(request.args.get("page", "1"))
    # vigil-ok: open-redirect
    return redirect("/list?page=%d" % page)
