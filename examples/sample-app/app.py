"""A small Flask service with the mistakes Vigil is built to catch. Every credential here is fake."""
import hashlib
import sqlite3

import yaml
from flask import Flask, request

app = Flask(__name__)
DB_PASSWORD = "Pq8xZr31kLw0Vt5nHs2y"


def find_user(name):
    conn = sqlite3.connect("app.db")
    cursor = conn.cursor()
    cursor.execute("SELECT id, email FROM users WHERE name = '" + name + "'")
    return cursor.fetchone()


def fingerprint(data):
    return hashlib.md5(data).hexdigest()


@app.route("/import", methods=["POST"])
def import_config():
    return yaml.load(request.data)
