"""The schema comes from the migrations, identically on SQLite and PostgreSQL."""

from collections import Counter

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import downgrade, upgrade

from quizapp.extensions import db
from quizapp.models import Attempt, Player, Quiz
from quizapp.play import ranktree

pytestmark = pytest.mark.both_databases

CHECK_CONSTRAINTS = {
    "fact": {"fact_span_ordered", "fact_status_known", "fact_origin_known"},
    "attempt": {"attempt_status_known", "attempt_position_range"},
    "board_entry": {"board_entry_period_known"},
    "account": {"account_role_known"},
    "question": {
        "question_kind_known",
        "question_status_known",
        "question_origin_known",
        "question_difficulty_range",
    },
}


def test_migrations_create_every_model_table(app: Flask) -> None:
    with app.app_context():
        tables = set(sa.inspect(db.engine).get_table_names())
    assert tables == set(db.metadata.tables) | {"alembic_version"}


def test_migrations_match_the_models_exactly(app: Flask) -> None:
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []


def test_migrations_create_the_named_check_constraints(app: Flask) -> None:
    with app.app_context():
        inspector = sa.inspect(db.engine)
        for table, names in CHECK_CONSTRAINTS.items():
            found = {check["name"] for check in inspector.get_check_constraints(table)}
            assert names <= found, table


def test_migrations_name_unique_and_foreign_key_constraints(app: Flask) -> None:
    with app.app_context():
        inspector = sa.inspect(db.engine)
        uniques = {c["name"] for c in inspector.get_unique_constraints("quiz")}
        foreign_keys = {c["name"] for c in inspector.get_foreign_keys("question")}
    assert "uq_quiz_slug" in uniques
    assert foreign_keys == {
        "fk_question_article_id_article",
        "fk_question_fact_id_fact",
        "fk_question_replaces_id_question",
    }


def test_migrations_downgrade_to_nothing_and_upgrade_again(app: Flask) -> None:
    with app.app_context():
        downgrade(revision="base")
        assert set(sa.inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert set(db.metadata.tables) <= set(sa.inspect(db.engine).get_table_names())


def test_the_status_check_accepts_the_new_statuses_and_refuses_others(app: Flask) -> None:
    """The authoring migration rewrote question_status_known; the database must enforce it."""
    with app.app_context(), db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO question (kind, prompt, explanation, difficulty, status, origin, "
            "accepted_answers, gate_notes, edited, created_at) VALUES "
            "('typed', 'Q?', '', 2, 'archived', 'authored', '[]', '[]', false, '2026-01-01')"
        )
    with app.app_context(), pytest.raises(sa.exc.IntegrityError), db.engine.begin() as c:
        c.exec_driver_sql("UPDATE question SET status = 'lost'")


def test_question_history_survives_the_move_to_change_events(app: Flask) -> None:
    """Migration d9bf35fd2303 renamed question_event to change_event; no history is lost."""
    with app.app_context():
        downgrade(revision="81009726a0e0")
        with db.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO question (id, kind, prompt, explanation, difficulty, status, origin, "
                "accepted_answers, gate_notes, edited, created_at) VALUES "
                "(7, 'typed', 'Q?', '', 2, 'draft', 'authored', '[]', '[]', false, '2026-01-01')"
            )
            connection.exec_driver_sql(
                "INSERT INTO question_event (question_id, action, detail, at) "
                "VALUES (7, 'created', 'by hand', '2026-01-02')"
            )
        upgrade()
        with db.engine.begin() as connection:
            rows = connection.exec_driver_sql(
                "SELECT question_id, action, detail FROM change_event"
            ).all()
            assert [tuple(row) for row in rows] == [(7, "created", "by hand")]
            connection.exec_driver_sql(
                "INSERT INTO change_event (quiz_id, action, detail, at) "
                "VALUES (NULL, 'published', '', '2026-01-03')"
            )


def test_the_fact_status_check_accepts_unsure_and_refuses_others(app: Flask) -> None:
    """Migration 5c1e7a9d2b40 lets a fact wait as 'unsure'; the database enforces the list."""
    with app.app_context(), db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO article (title, text, checksum, created_at) "
            "VALUES ('A', 'text', 'abc', '2026-01-01')"
        )
        connection.exec_driver_sql(
            'INSERT INTO fact (article_id, kind, subject, value, sentence_index, start, "end", '
            "hedged, status, origin) VALUES (1, 'cast', 'F', 'X', 0, 0, 1, false, 'unsure', "
            "'extracted')"
        )
    with app.app_context(), pytest.raises(sa.exc.IntegrityError), db.engine.begin() as c:
        c.exec_driver_sql("UPDATE fact SET status = 'doubtful'")


def test_stored_rules_are_written_out_as_they_were_read(app: Flask) -> None:
    """Migration e304d7b51b6f: new quizzes default to shuffled options and first-game rules, so
    stored rules lacking those keys (they read as off) now state them as off."""
    ingested = {"shuffle_questions": False, "shuffle_options": False, "time_limit_seconds": None}
    chosen = {"shuffle_options": True, "first_game_counts": True, "feedback": "end"}
    with app.app_context():
        downgrade(revision="4f89826a7ead")
        player = Player(key="k", nickname="Ann")
        quizzes = [
            Quiz(title=f"Q{n}", slug=f"q{n}", settings=settings)
            for n, settings in enumerate([ingested, {}, chosen])
        ]
        old_game = Attempt(
            token="t",
            quiz=quizzes[0],
            player=player,
            nickname="Ann",
            settings={"speed_bonus": True},
            question_count=1,
        )
        db.session.add_all([*quizzes, old_game])
        db.session.commit()
        db.session.remove()
        upgrade()
        stored = [quiz.settings for quiz in db.session.scalars(sa.select(Quiz).order_by(Quiz.id))]
        game = db.session.scalars(sa.select(Attempt)).one().settings

    off = {"shuffle_options": False, "first_game_counts": False}
    assert stored == [{**ingested, **off}, off, chosen]
    assert game == {"speed_bonus": True, **off}


def test_the_rank_counters_are_back_filled_from_the_board_rows(app: Flask) -> None:
    """Migration 3b0e252b6834 counts every board row already stored into its board's tree."""
    entries = [(1, 1, 4000, 61_000), (1, 2, 4000, 61_000), (2, 1, 0, 600_000), (1, 3, 25, 5)]
    totals = [(1, 4000, 661_000), (2, 4000, 61_000), (3, 25, 5)]
    with app.app_context():
        downgrade(revision="5c1e7a9d2b40")
        with db.engine.begin() as connection:
            run = connection.exec_driver_sql
            run(
                "INSERT INTO quiz (id, title, slug, description, settings, published, "
                "created_at, play_count) VALUES (1, 'A', 'a', '', '{}', true, '2026-01-01', 0), "
                "(2, 'B', 'b', '', '{}', true, '2026-01-01', 0)"
            )
            for player in (1, 2, 3):
                run(
                    "INSERT INTO player (id, key, nickname, created_at) "
                    f"VALUES ({player}, 'k{player}', 'P{player}', '2026-01-01')"
                )
            for n, (quiz, player, points, duration) in enumerate(entries, start=1):
                run(
                    "INSERT INTO attempt (id, token, quiz_id, player_id, nickname, status, "
                    "started_at, finished_at, settings, question_count, current_position, "
                    "correct_count, points, duration_ms) VALUES "
                    f"({n}, 't{n}', {quiz}, {player}, 'P', 'finished', '2026-01-02', "
                    f"'2026-01-02', '{{}}', 5, 5, 4, {points}, {duration})"
                )
                for period, start in (("all", "1970-01-01"), ("day", "2026-01-02")):
                    run(
                        "INSERT INTO board_entry (quiz_id, player_id, period, period_start, "
                        "attempt_id, points, correct_count, duration_ms, finished_at) VALUES "
                        f"({quiz}, {player}, '{period}', '{start}', {n}, {points}, 4, "
                        f"{duration}, '2026-01-02')"
                    )
            for player, points, duration in totals:
                run(
                    "INSERT INTO player_total (player_id, period, period_start, points, quizzes, "
                    "duration_ms, finished_at) VALUES "
                    f"({player}, 'all', '1970-01-01', {points}, 1, {duration}, '2026-01-02')"
                )
        upgrade()
        with db.engine.connect() as connection:
            found = {
                tuple(row)
                for row in connection.exec_driver_sql(
                    "SELECT quiz_id, period, level, prefix, size FROM board_entry_count"
                )
            } | {
                tuple(row)
                for row in connection.exec_driver_sql(
                    "SELECT 0, period, level, prefix, size FROM player_total_count"
                )
            }
    want: Counter[tuple[int, str, int, int]] = Counter()
    for quiz, _, points, duration in entries:
        for period in ("all", "day"):
            for level, prefix in ranktree.nodes(ranktree.rank_key(points, duration)):
                want[quiz, period, level, prefix] += 1
    for _, points, duration in totals:
        for level, prefix in ranktree.nodes(ranktree.rank_key(points, duration)):
            want[0, "all", level, prefix] += 1
    assert found == {(*node, size) for node, size in want.items()}
