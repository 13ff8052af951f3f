"""rate limits: counters every server process shares (webchat, sign-in, tickets)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 15:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_limit_counters",
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("window_start", sa.BigInteger(), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "key_hash", "window_start"),
    )
    op.create_index("ix_rate_limit_expiry", "rate_limit_counters", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_rate_limit_expiry", table_name="rate_limit_counters")
    op.drop_table("rate_limit_counters")
