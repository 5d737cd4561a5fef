import ldap
from flask import Flask, request
from ldap3 import Connection
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
BASE = "ou=people,dc=example,dc=org"


@app.route("/user")
def user():
    conn = ldap.initialize("ldap://localhost")
    name = request.args["name"]
    # vigil-expect: ldap-injection
    return str(conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=%s)" % escape_filter_chars(name)))


@app.route("/group")
def group(connection: Connection):
    name = escape_filter_chars(request.args["group"])
    # vigil-ok: ldap-injection
    connection.search(BASE, f"(cn={name})")
    raw = request.args["group"]
    # vigil-expect: ldap-injection
    connection.search(BASE, f"(cn={escape_filter_chars(raw)})")


def lookup(conn, uid):
    uid = "svc-backup"
    # vigil-ok: ldap-injection
    return conn.search(BASE, "(uid=" + uid + ")")
