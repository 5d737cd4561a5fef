"""An Alembic revision: the statements are built from the revision's own names."""
from alembic import op

revision = "3f2a"
down_revision = "1c9d"


def upgrade():
    conn = op.get_bind()
    for table in ("orders", "invoices"):
        # vigil-ok: sql-injection
        conn.execute(f"UPDATE {table} SET state = 'open' WHERE state IS NULL")


def downgrade(cur, table):
    # vigil-ok: sql-injection
    cur.execute("DELETE FROM " + table + " WHERE state = 'open'")
