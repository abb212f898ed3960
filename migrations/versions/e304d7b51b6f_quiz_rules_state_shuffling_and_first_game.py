"""quiz rules: stored quizzes and attempts name shuffle_options and first_game_counts

New quizzes now shuffle options and count only each player's first game, and a stored rules
mapping that lacks a key reads it as a new quiz's default. Quizzes and attempts stored before
lacked these keys where they were off (ingested and GIFT-imported quizzes, attempts from before
first-game rules existed): this writes them out as off, so that nothing already stored changes
its rules. Turning them on for an existing quiz is its author's call (`flask quiz SLUG
--shuffle-options --first-game-counts`).

Revision ID: e304d7b51b6f
Revises: 4f89826a7ead
Create Date: 2026-12-07 22:00:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'e304d7b51b6f'
down_revision = '4f89826a7ead'
branch_labels = None
depends_on = None

KEYS = ('shuffle_options', 'first_game_counts')


def upgrade():
    postgresql = op.get_bind().dialect.name == 'postgresql'
    for table in ('quiz', 'attempt'):
        for key in KEYS:
            if postgresql:
                op.execute(
                    f"UPDATE {table} SET settings = "
                    f"(settings::jsonb || '{{\"{key}\": false}}'::jsonb)::json "
                    f"WHERE json_typeof(settings) = 'object' AND settings -> '{key}' IS NULL"
                )
            else:
                op.execute(
                    f"UPDATE {table} SET settings = json_set(settings, '$.{key}', json('false')) "
                    f"WHERE json_type(settings) = 'object' "
                    f"AND json_type(settings, '$.{key}') IS NULL"
                )


def downgrade():
    # Nothing to undo: before this revision a missing key read as off, as the written one does.
    pass
