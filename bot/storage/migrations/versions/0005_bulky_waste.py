"""bulky waste: booked places per collection day

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 05:35:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bulky_slots",
        sa.Column("collection_date", sa.Date(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("booked", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("collection_date"),
        sa.CheckConstraint(
            "booked >= 0 AND booked <= capacity", name="ck_bulky_slots_within_capacity"
        ),
    )


def downgrade() -> None:
    op.drop_table("bulky_slots")
