from flask import Flask, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("catalog.xml")


@app.route("/item")
def item():
    name = request.args.get("name", "")
    # vigil-expect: xpath-injection
    return str(TREE.xpath(f"//item[name='{name}']/price/text()"))


@app.route("/bound")
def bound():
    # vigil-ok: xpath-injection
    return str(TREE.xpath("//item[name=$name]/price/text()", name=request.args.get("name", "")))


@app.route("/all")
def all_items():
    # vigil-ok: xpath-injection
    return str(TREE.xpath("//item/name/text()"))


def search(expr):
    # vigil-expect: xpath-injection
    return TREE.getroot().findall(".//item[@kind='" + expr + "']")
