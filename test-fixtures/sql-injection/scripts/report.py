# A repository script (scripts/ at the top of the project): an argument is the developer's own, but a value read
# from standard input is outside input and still reported.
import sqlite3
import sys


def count(cur, table):
    # vigil-ok: sql-injection
    cur.execute("SELECT count(*) FROM " + table + " WHERE active = 1")


def lookup(cur):
    name = input("customer name: ")
    # vigil-expect: sql-injection
    cur.execute("SELECT id FROM customers WHERE name = '" + name + "'")


if __name__ == "__main__":
    count(sqlite3.connect("app.db").cursor(), sys.argv[1])
