"""advisor console, additional support register, audit log

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "advisors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("display_name", sa.String(length=80), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "advisor_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("advisor_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["advisor_id"], ["advisors.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_table(
        "support_register",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identity_key", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("added_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("identity_key"),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=80), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("handoff_tickets") as batch:
        batch.add_column(sa.Column("acting_for", sa.String(length=60), nullable=True))
        batch.add_column(sa.Column("claimed_by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_ticket_advisor", "advisors", ["claimed_by_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("handoff_tickets") as batch:
        batch.drop_constraint("fk_ticket_advisor", type_="foreignkey")
        batch.drop_column("claimed_by_id")
        batch.drop_column("acting_for")
    op.drop_table("audit_events")
    op.drop_table("support_register")
    op.drop_table("advisor_sessions")
    op.drop_table("advisors")
