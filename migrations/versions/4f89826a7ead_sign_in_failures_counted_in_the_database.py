"""sign-in failures counted in the database, shared by every worker and server

Revision ID: 4f89826a7ead
Revises: 5c1e7a9d2b40
Create Date: 2026-12-07 21:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4f89826a7ead'
down_revision = '5c1e7a9d2b40'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('sign_in_failure',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('seconds', sa.Integer(), nullable=False),
    sa.Column('window_start', sa.BigInteger(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key', 'seconds', name=op.f('pk_sign_in_failure'))
    )


def downgrade():
    op.drop_table('sign_in_failure')
