"""The Alembic migrations build exactly the tables the models describe, and can be undone."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from bot.storage.migrate import alembic_config, upgrade_database
from bot.storage.models import Base


def test_the_migrated_schema_matches_the_models(database_url):
    engine = create_engine(database_url, future=True)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    # SQLite cannot name a foreign key added by batch mode; that is not a difference in shape.
    assert [d for d in differences if d[0] not in ("add_fk", "remove_fk")] == []


def test_migrations_downgrade_to_nothing_and_back(database_url):
    command.downgrade(alembic_config(database_url), "base")
    engine = create_engine(database_url, future=True)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    command.upgrade(alembic_config(database_url), "head")
    assert {"advisors", "support_register", "handoff_tickets"} <= set(
        inspect(engine).get_table_names()
    )
    engine.dispose()


def test_servers_migrating_one_postgresql_database_at_the_same_moment_all_succeed(postgres):
    """Several machines run `councilbot migrate` as they start; the advisory lock makes the
    second wait and then find the schema up to date, instead of failing on CREATE TABLE."""
    import multiprocessing

    url = postgres.create_database()
    context = multiprocessing.get_context("spawn")
    with context.Pool(3) as pool:
        pool.map(upgrade_database, [url] * 3)
    engine = create_engine(url, future=True)
    assert {"advisors", "message_receipts", "conversation_locks"} <= set(
        inspect(engine).get_table_names()
    )
    engine.dispose()
