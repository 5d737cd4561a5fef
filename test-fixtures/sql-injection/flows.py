import sqlite3

from flask import Flask, request

app = Flask(__name__)
DEBUG = False


@app.route("/users")
def users():
    db = sqlite3.connect("app.db")
    filters = {"name": request.args["name"], "role": "member"}
    # vigil-ok: sql-injection
    db.execute("SELECT * FROM users WHERE role = '" + filters["role"] + "'")
    # vigil-expect: sql-injection
    db.execute("SELECT * FROM users WHERE name = '" + filters["name"] + "'")


def find(db, name):
    # vigil-expect: sql-injection
    return db.execute(f"SELECT * FROM users WHERE name = '{name}'")


def current_name():
    return request.cookies.get("name", "")


@app.route("/me")
def me():
    db = sqlite3.connect("app.db")
    find(db, current_name())
    find(db, "guest")
    name = request.args["name"]
    name = "guest"
    # vigil-ok: sql-injection
    db.execute("SELECT * FROM users WHERE name = '%s'" % name)
    limit = int(request.args["limit"])
    # vigil-ok: sql-injection
    db.execute("SELECT * FROM users LIMIT %d" % limit)
    who = "guest"
    if DEBUG:
        who = request.args["who"]
    # vigil-ok: sql-injection
    db.execute("SELECT * FROM users WHERE name = '" + who + "'")


@app.route("/purge")
def purge():
    db = sqlite3.connect("app.db")
    # Each element of the request's list, in a comprehension.
    # vigil-expect: sql-injection
    [db.execute("DELETE FROM carts WHERE owner = '%s'" % owner) for owner in request.args.getlist("owner")]
    # vigil-ok: sql-injection
    [db.execute("DELETE FROM %s WHERE expired = 1" % table) for table in ("carts", "sessions")]
