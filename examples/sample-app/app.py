"""A small Flask service with the mistakes Vigil is built to catch. Every credential here is fake."""
import hashlib
import os
import sqlite3

import yaml
from flask import Flask, request

app = Flask(__name__)
DB_PASSWORD = "Pq8xZr31kLw0Vt5nHs2y"
SESSION_SECRET = os.environ["SESSION_SECRET"]


def find_user(name):
    conn = sqlite3.connect("app.db")
    cursor = conn.cursor()
    cursor.execute("SELECT id, email FROM users WHERE name = '" + name + "'")
    return cursor.fetchone()


def sign_cookie(value):
    return hashlib.md5(SESSION_SECRET + value).hexdigest()


@app.route("/import", methods=["POST"])
def import_config():
    return yaml.load(request.data)
