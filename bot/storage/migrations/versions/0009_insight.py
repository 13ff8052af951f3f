"""insight: analytics events, and a role (advisor or manager) for console accounts

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 16:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "analytics_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("conversation_key", sa.String(length=64), nullable=False),
        sa.Column("journey", sa.String(length=32), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("service", sa.String(length=60), nullable=True),
        sa.Column("question", sa.String(length=60), nullable=True),
        sa.Column("previous_question", sa.String(length=60), nullable=True),
        sa.Column("band", sa.String(length=8), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("priority", sa.String(length=20), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("wait_seconds", sa.Integer(), nullable=True),
        sa.Column("masked_text", sa.String(length=300), nullable=True),
        sa.Column("extra_support", sa.Boolean(), nullable=False),
        sa.Column("acting_for", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_analytics_kind_time", "analytics_events", ["kind", "occurred_at"])
    op.create_index("ix_analytics_time", "analytics_events", ["occurred_at"])
    op.create_index("ix_analytics_journey", "analytics_events", ["journey"])
    op.create_index(
        "ix_analytics_conversation", "analytics_events", ["conversation_key", "occurred_at"]
    )
    with op.batch_alter_table("advisors") as batch:
        batch.add_column(
            sa.Column("role", sa.String(length=20), nullable=False, server_default="advisor")
        )


def downgrade() -> None:
    with op.batch_alter_table("advisors") as batch:
        batch.drop_column("role")
    op.drop_index("ix_analytics_conversation", table_name="analytics_events")
    op.drop_index("ix_analytics_journey", table_name="analytics_events")
    op.drop_index("ix_analytics_time", table_name="analytics_events")
    op.drop_index("ix_analytics_kind_time", table_name="analytics_events")
    op.drop_table("analytics_events")
