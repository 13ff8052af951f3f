"""records lifecycle: the daily jobs' lease, and indexes for subject access requests

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 15:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scheduled_jobs",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("ran_on", sa.Date(), nullable=True),
        sa.Column("holder", sa.String(length=80), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_index("ix_request_sender", "service_requests", ["sender_key"])
    op.create_index("ix_outbound_recipient", "outbound_messages", ["recipient_key"])


def downgrade() -> None:
    op.drop_index("ix_outbound_recipient", table_name="outbound_messages")
    op.drop_index("ix_request_sender", table_name="service_requests")
    op.drop_table("scheduled_jobs")
