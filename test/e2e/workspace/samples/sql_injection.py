"""User lookups (fixture for Vigil's editor tests)."""
import sqlite3


def find_user(conn: sqlite3.Connection, name: str):
    cur = conn.cursor()
    # vigil-expect: sql-injection
    cur.execute("SELECT id, email FROM users WHERE name = '" + name + "'")
    return cur.fetchone()


def find_order(conn: sqlite3.Connection, order_id: str):
    cur = conn.cursor()
    # vigil-expect: sql-injection
    cur.execute(f"SELECT * FROM orders WHERE id = {order_id}")
    return cur.fetchone()


def find_user_safely(conn: sqlite3.Connection, name: str):
    cur = conn.cursor()
    # vigil-ok: sql-injection
    cur.execute("SELECT id, email FROM users WHERE name = ?", (name,))
    return cur.fetchone()
