import sqlite3

ORDER_LIMIT = 50


def find_user(conn, name):
    cur = conn.cursor()
    # vigil-expect: sql-injection
    cur.execute("SELECT id, email FROM users WHERE name = ?", (name,))
    return cur.fetchone()


def find_by_email(cur, email):
    # vigil-expect: sql-injection
    cur.execute("SELECT id FROM users WHERE email = ?", (email,))
    # vigil-ok: sql-injection
    cur.execute("SELECT id FROM users WHERE email = ?", (email,))


def delete_order(cur, order_ref, owner):
    # vigil-expect: sql-injection
    cur.execute("DELETE FROM orders WHERE ref = ? AND owner = ?", (order_ref, owner))


def rename(cur, new_name, user_id):
    # vigil-expect: sql-injection
    cur.execute("UPDATE users SET name = ? WHERE id = ?", (new_name, user_id))


def built_earlier(cur, city):
    query = "SELECT name FROM shops WHERE city = ?"
    # vigil-expect: sql-injection
    cur.execute(query, (city,))


def built_in_steps(cur, status, region):
    sql = "SELECT id FROM tickets"
    sql += " WHERE status = 'open'"
    if region:
        sql += " AND region = '" + region + "'"
    # vigil-expect: sql-injection
    cur.execute(sql)


def many(cur, rows, table_suffix):
    # vigil-expect: sql-injection
    cur.executemany("INSERT INTO log_" + table_suffix + " VALUES (?, ?)", rows)


def constants_only(cur):
    # vigil-ok: sql-injection
    cur.execute("SELECT id FROM users " + "WHERE active = 1")
    # vigil-ok: sql-injection
    cur.execute("SELECT id FROM users LIMIT " + str(ORDER_LIMIT))
    # vigil-ok: sql-injection
    cur.execute("SELECT id FROM users LIMIT %d" % ORDER_LIMIT)


def numeric_only(cur, page):
    # vigil-ok: sql-injection
    cur.execute("SELECT id FROM users LIMIT 20 OFFSET %d" % page)
    # vigil-ok: sql-injection
    cur.execute(f"SELECT id FROM users WHERE id = {int(page)}")


def placeholders_for_list(cur, ids):
    placeholders = ", ".join("?" * len(ids))
    # vigil-ok: sql-injection
    cur.execute(f"SELECT id FROM users WHERE id IN ({placeholders})", ids)


def local_constant(cur):
    table = "users"
    # vigil-ok: sql-injection
    cur.execute(f"SELECT id FROM {table}")


def not_sql(runner, task, log):
    # vigil-ok: sql-injection
    runner.execute("deploy " + task)
    # vigil-ok: sql-injection
    log.execute(f"cleanup {task}")


def passed_through(cur, statement):
    # vigil-ok: sql-injection
    cur.execute(statement)


def bound(cur, name):
    query = "SELECT id FROM users WHERE name = ?"
    # vigil-ok: sql-injection
    cur.execute(query, (name,))
