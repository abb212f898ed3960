"""board rank counters: a counting tree per board, so a rank is summed from a few counters

Revision ID: 3b0e252b6834
Revises: e304d7b51b6f
Create Date: 2026-12-08 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3b0e252b6834'
down_revision = 'e304d7b51b6f'
branch_labels = None
depends_on = None

# The rank key and tree of quizapp/play/ranktree.py, as of this revision: points, then the
# shorter duration (capped at 2**32 - 1 ms), in one integer; counters at levels 4 to 15 of 4
# bits each.
RANK_KEY = (
    "(CAST(points AS BIGINT) * 4294967296 + (4294967295 - "
    "CASE WHEN duration_ms < 4294967295 THEN duration_ms ELSE 4294967295 END))"
)
LEVELS = range(4, 16)


def upgrade():
    op.create_table('board_entry_count',
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=8), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('level', sa.SmallInteger(), nullable=False),
    sa.Column('prefix', sa.BigInteger(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_board_entry_count_quiz_id_quiz'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quiz_id', 'period', 'period_start', 'level', 'prefix', name=op.f('pk_board_entry_count')),
    sqlite_with_rowid=False
    )
    op.create_table('player_total_count',
    sa.Column('period', sa.String(length=8), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('level', sa.SmallInteger(), nullable=False),
    sa.Column('prefix', sa.BigInteger(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('period', 'period_start', 'level', 'prefix', name=op.f('pk_player_total_count')),
    sqlite_with_rowid=False
    )
    # Back-fill: every board row counts once at each level, under its key's prefix there.
    for table, board in (
        ('board_entry', 'quiz_id, period, period_start'),
        ('player_total', 'period, period_start'),
    ):
        for level in LEVELS:
            prefix = f"{RANK_KEY} / {16 ** level}"
            op.execute(
                f"INSERT INTO {table}_count ({board}, level, prefix, size) "
                f"SELECT {board}, {level}, {prefix}, COUNT(*) FROM {table} "
                f"GROUP BY {board}, {prefix}"
            )


def downgrade():
    op.drop_table('player_total_count')
    op.drop_table('board_entry_count')
