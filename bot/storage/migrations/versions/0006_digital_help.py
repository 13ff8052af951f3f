"""digital help: places taken in each assisted digital session

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-22 05:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "digital_session_slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.String(length=40), nullable=False),
        sa.Column("starts_at", sa.String(length=16), nullable=False),
        sa.Column("booked", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("venue_id", "starts_at", name="uq_digital_session_slot"),
    )


def downgrade() -> None:
    op.drop_table("digital_session_slots")
