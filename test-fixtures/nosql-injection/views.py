import json
import re

from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient().app


@app.post("/login")
def login():
    data = request.get_json()
    # vigil-expect: nosql-injection
    user = db.users.find_one({"name": data["name"], "password": data["password"]})
    # vigil-ok: nosql-injection
    same = db.users.find_one({"name": str(data["name"]), "password": str(data["password"])})
    return {"ok": bool(user or same)}


@app.get("/search")
def search():
    # vigil-expect: nosql-injection
    rows = list(db.users.find(request.json))
    # vigil-expect: nosql-injection
    near = list(db.users.find({"name": {"$regex": request.json["q"]}}))
    # vigil-ok: nosql-injection
    exact = list(db.users.find({"name": {"$regex": re.escape(request.args.get("q", ""))}}))
    # vigil-ok: nosql-injection
    by_name = list(db.users.find({"name": request.args.get("name")}))
    return {"rows": rows, "near": near, "exact": exact, "by_name": by_name}


def legacy(name):
    # vigil-expect: nosql-injection
    return db.users.find({"$where": "this.name == '%s'" % name})


def legacy_safe():
    # vigil-ok: nosql-injection
    return db.users.find({"$where": "this.visits > this.limit"})


def django_view(request):
    body = json.loads(request.body)
    # vigil-expect: nosql-injection
    return db.orders.delete_many({"owner": body["owner"]})
