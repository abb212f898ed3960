"""unsure facts: a fact whose film is only a guess waits for an author

Revision ID: 5c1e7a9d2b40
Revises: d9bf35fd2303
Create Date: 2026-12-07 19:20:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '5c1e7a9d2b40'
down_revision = 'd9bf35fd2303'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('fact', schema=None) as batch_op:
        batch_op.drop_constraint('fact_status_known', type_='check')
        batch_op.create_check_constraint(
            'fact_status_known', "status IN ('active', 'dropped', 'unsure')"
        )


def downgrade():
    # An unsure fact was an active one before this revision.
    op.execute("UPDATE fact SET status = 'active' WHERE status = 'unsure'")
    with op.batch_alter_table('fact', schema=None) as batch_op:
        batch_op.drop_constraint('fact_status_known', type_='check')
        batch_op.create_check_constraint('fact_status_known', "status IN ('active', 'dropped')")
