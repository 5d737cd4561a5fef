import pymysql
from django.db import connection

from shop.models import Product


def search(request):
    term = request.GET["q"]
    # vigil-expect: sql-injection
    return Product.objects.raw("SELECT * FROM shop_product WHERE title = %s", [term])


def search_safe(request):
    term = request.GET["q"]
    # vigil-ok: sql-injection
    return Product.objects.raw("SELECT * FROM shop_product WHERE title = %s", [term])


def by_category(request):
    category = request.GET["c"]
    with connection.cursor() as cursor:
        # vigil-expect: sql-injection
        cursor.execute("SELECT id FROM shop_product WHERE category = %s", (category,))
        return cursor.fetchall()


def by_category_safe(request):
    category = request.GET["c"]
    with connection.cursor() as cursor:
        # vigil-ok: sql-injection
        cursor.execute("SELECT id FROM shop_product WHERE category = %s", [category])
        return cursor.fetchall()


def cheaper_than(request):
    price = request.GET["max"]
    # vigil-expect: sql-injection
    return Product.objects.extra(where=["price < " + price])


def cheaper_than_safe(request):
    price = request.GET["max"]
    # vigil-ok: sql-injection
    return Product.objects.extra(where=["price < %s"], params=[price])


def sorted_by(request):
    column = request.GET["sort"]
    # vigil-expect: sql-injection
    return Product.objects.raw("SELECT * FROM shop_product ORDER BY " + column)


def report(conn, day):
    cur = conn.cursor()
    sql = "SELECT total FROM daily WHERE day = %s"
    # vigil-expect: sql-injection
    cur.execute(sql, (day,))
    return cur.fetchone()


def report_logged(conn, day, log):
    cur = conn.cursor()
    sql = "SELECT total FROM daily WHERE day = '" + day + "'"
    log.info(sql)
    # vigil-expect: sql-injection
    cur.execute(sql)


def lookalikes(items, name, page):
    # vigil-ok: sql-injection
    raw_html = items.raw("<b>" + name + "</b>")
    # vigil-ok: sql-injection
    Product.objects.raw("SELECT * FROM shop_product WHERE id = %s" % int(page))
    return raw_html


def like_search(conn, term):
    cur = conn.cursor()
    # vigil-expect: sql-injection
    cur.execute("SELECT id FROM shop_product WHERE title LIKE '%" + term + "%'")
