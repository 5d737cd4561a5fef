# Names of schema objects cannot be bound as parameters: a database library inserts the ones its caller passes.


def create_database(conn, ident, template_db):
    # vigil-ok: sql-injection
    conn.exec_driver_sql("CREATE DATABASE %s TEMPLATE %s" % (ident, template_db))


def dangling_rows(cursor, table_name, column_name):
    # vigil-ok: sql-injection
    cursor.execute("SELECT `%s` FROM `%s` WHERE `%s` IS NULL" % (column_name, table_name, column_name))


def next_id(cursor, sequence):
    # vigil-ok: sql-injection
    cursor.execute("SELECT " + sequence + ".NEXTVAL FROM DUAL")


def drop_from_request(cursor, request):
    # The same name position with a request value is injection.
    # vigil-expect: sql-injection
    cursor.execute("DROP DATABASE %s" % request.args["db"])


def column_with_value(cursor, column_name, value):
    # A value in a value position keeps the finding even next to a quoted name.
    # vigil-expect: sql-injection
    cursor.execute("SELECT id FROM t WHERE `%s` = %s" % (column_name, value))


def quoted_from_caller(cursor, name):
    # vigil-expect: sql-injection
    cursor.execute("SELECT `%s` FROM t" % name)


def caller(cursor, request):
    quoted_from_caller(cursor, request.args["col"])
