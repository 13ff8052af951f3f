"""Alembic environment: migrates the assistant's own tables (not Rasa's tracker table)."""

from __future__ import annotations

from alembic import context

from bot.storage.engine import make_engine
from bot.storage.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url") or ""
if not url:
    raise RuntimeError("alembic: no sqlalchemy.url set (bot/storage/migrate.py sets it)")


def run_migrations_online() -> None:
    """Run migrations on a live connection (SQLite batch mode for ALTERs)."""
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=url.startswith("sqlite"),
            include_name=lambda name, type_, _parent: type_ != "table"
            or name in Base.metadata.tables,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
