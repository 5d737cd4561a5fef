from sqlalchemy import text
from sqlalchemy.orm import Session


def find(session: Session, name: str):
    # vigil-expect: sql-injection
    return session.execute(text(f"SELECT * FROM users WHERE name = '{name}'")).all()


def find_outer(session: Session, name: str):
    # vigil-expect: sql-injection
    return session.execute(f"SELECT * FROM users WHERE name = '{name}'").all()


def find_safe(session: Session, name: str):
    # vigil-ok: sql-injection
    return session.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name}).all()


def filtered(session: Session, query, owner):
    # vigil-expect: sql-injection
    return query.filter(text("owner = '" + owner + "'"))


def label(widget, name):
    # vigil-ok: sql-injection
    widget.text("Hello " + name)
    # vigil-ok: sql-injection
    return text("SELECT 1")
