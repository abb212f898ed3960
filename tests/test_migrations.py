"""The schema comes from the migrations, identically on SQLite and PostgreSQL."""

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import downgrade, upgrade

from quizapp.extensions import db

pytestmark = pytest.mark.both_databases

CHECK_CONSTRAINTS = {
    "fact": {"fact_span_ordered"},
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
    assert foreign_keys == {"fk_question_article_id_article", "fk_question_fact_id_fact"}


def test_migrations_downgrade_to_nothing_and_upgrade_again(app: Flask) -> None:
    with app.app_context():
        downgrade(revision="base")
        assert set(sa.inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert set(db.metadata.tables) <= set(sa.inspect(db.engine).get_table_names())
