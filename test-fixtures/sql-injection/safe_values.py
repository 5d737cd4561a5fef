# Values that cannot change the SQL they are inserted into: numbers, quoting helpers, allow-listed names.
SORTABLE = ("name", "created_at", "price")
DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


def page(cur, page: int, size):
    # vigil-ok: sql-injection
    cur.execute(f"SELECT id FROM items LIMIT 20 OFFSET {page * 20}")
    # vigil-ok: sql-injection
    cur.execute(f"SELECT id FROM items LIMIT {int(size)}")


def sorted_items(cur, column, direction):
    if column not in SORTABLE:
        raise ValueError(column)
    # vigil-ok: sql-injection
    cur.execute(f"SELECT id FROM items ORDER BY {column} {DIRECTIONS[direction]}")


def sorted_guarded(cur, column):
    if column in SORTABLE:
        # vigil-ok: sql-injection
        cur.execute(f"SELECT id FROM items ORDER BY {column}")
    # vigil-expect: sql-injection
    cur.execute(f"SELECT id FROM items ORDER BY {column}")


def sorted_wrong_way(cur, column):
    if column in SORTABLE:
        raise ValueError(column)
    # vigil-expect: sql-injection
    cur.execute(f"SELECT id FROM items ORDER BY {column}")


def counted(cur, ids, newest):
    order = "DESC" if newest else "ASC"
    # vigil-ok: sql-injection
    cur.execute(f"SELECT id FROM items ORDER BY id {order} LIMIT {len(ids)}")


def mixed_ternary(cur, newest, column):
    order = "DESC" if newest else column
    # vigil-expect: sql-injection
    cur.execute(f"SELECT id FROM items ORDER BY id {order}")


def numeric_check(cur, shard):
    if not shard.isdigit():
        return None
    # vigil-ok: sql-injection
    cur.execute("SELECT id FROM items_" + shard)
