import ldap
from flask import request

BASE = "ou=people,dc=example,dc=org"


def find(conn):
    # vigil-expect: ldap-injection
    return conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(&(objectClass=person)(uid=" + request.args["uid"] + "))")


def custom(conn):
    # Input that supplies a filter of its own cannot be escaped mechanically: no quick fix.
    # vigil-expect: ldap-injection
    return conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(&(objectClass=person)" + request.args["filter"] + ")")


def escaped(conn):
    # vigil-ok: ldap-injection
    return conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=%s)" % ldap.filter.escape_filter_chars(request.args["uid"]))


def fixed(conn):
    # vigil-ok: ldap-injection
    return conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(objectClass=person)")
