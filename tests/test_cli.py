"""The flask commands: what they print, what they store, and how they refuse bad input."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask.testing import FlaskCliRunner
from sqlalchemy.orm import Session

from quizapp import create_app, generation
from quizapp.authoring.rows import normalise_text
from quizapp.config import PROJECT_ROOT
from quizapp.models import Article, Quiz
from tests.conftest import ARTICLES_DIR, SEED_ARTICLE

ARTICLE = ARTICLES_DIR / "01-night-runner-2-casting.txt"
RECIPE = "Lemon Drizzle Cake\n\nCream the butter and sugar, then fold in the flour and zest.\n"
BAD_FILES: dict[str, tuple[bytes | None, str]] = {
    "missing": (None, "no such file"),
    "empty": (b"", "is empty"),
    "blank": (b"\n   \n", "is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    "latin-1": ("Amélie, the film".encode("latin-1"), "not UTF-8"),
    "not a film": (RECIPE.encode(), "not a film article"),
}


def text_of(path: Path) -> str:
    return normalise_text(path.read_text(encoding="utf-8"))


def facts_of(path: Path) -> list[generation.Fact]:
    return generation.extract_facts(text_of(path))


def assert_one_line_error(result: object, reason: str) -> None:
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert isinstance(result.exception, SystemExit)  # type: ignore[attr-defined]
    lines = result.stderr.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, result.stderr  # type: ignore[attr-defined]
    assert lines[0].startswith("Error: ")
    assert reason in lines[0]


def test_facts_prints_every_fact_as_json(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["facts", str(ARTICLE)])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed == [fact.as_json() for fact in facts_of(ARTICLE)]
    assert printed, "no facts found in a film article"
    assert {"kind", "subject", "value", "sentence", "start", "end", "hedged"} <= set(printed[0])
    assert "“Night Runner 2”" in result.stdout or "Night Runner 2" in result.stdout


@pytest.mark.parametrize("command", [["facts"], ["questions"], ["questions", "--json"]])
def test_preview_commands_never_open_the_database(tmp_path: Path, command: list[str]) -> None:
    unreachable = f"sqlite:///{tmp_path / 'no-such-folder' / 'db.sqlite'}"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": unreachable})
    result = app.test_cli_runner().invoke(args=[*command, str(ARTICLE)])
    assert result.exit_code == 0, result.output


def test_questions_json_is_what_the_generator_makes_with_that_seed(
    runner: FlaskCliRunner,
) -> None:
    result = runner.invoke(args=["questions", str(ARTICLE), "--seed", "3", "--json"])
    assert result.exit_code == 0, result.output
    drafts = generation.generate_questions(facts_of(ARTICLE), seed=3, text=text_of(ARTICLE))
    assert drafts
    assert json.loads(result.stdout) == [draft.as_json() for draft in drafts]


def test_questions_text_stars_the_correct_option_and_shows_the_evidence(
    runner: FlaskCliRunner,
) -> None:
    result = runner.invoke(args=["questions", str(ARTICLE)])
    assert result.exit_code == 0, result.output
    drafts = generation.generate_questions(facts_of(ARTICLE), seed=0, text=text_of(ARTICLE))
    assert drafts
    lines = result.stdout.splitlines()
    for number, draft in enumerate(drafts, 1):
        assert any(line.startswith(f"{number}. {draft.prompt}") for line in lines)
        assert f"    Evidence: {draft.fact.sentence}" in lines
        if draft.kind == "typed":
            assert any(line.startswith(f"    Answer: {draft.answer}") for line in lines)
        else:
            letter = "ABCDEFGHIJ"[next(i for i, c in enumerate(draft.choices) if c.correct)]
            assert f"  * {letter}. {draft.answer}" in lines


def test_questions_limit_keeps_at_most_that_many(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["questions", str(ARTICLE), "--limit", "2", "--json"])
    assert result.exit_code == 0, result.output
    assert 0 < len(json.loads(result.stdout)) <= 2


def test_questions_quiz_asks_each_fact_once(runner: FlaskCliRunner) -> None:
    bank = json.loads(runner.invoke(args=["questions", str(ARTICLE), "--json"]).stdout)
    result = runner.invoke(args=["questions", str(ARTICLE), "--quiz", "--json"])
    assert result.exit_code == 0, result.output
    quiz = json.loads(result.stdout)
    facts = [(q["fact"]["kind"], q["fact"]["subject"], q["fact"]["value"]) for q in quiz]
    assert (
        len(facts)
        == len(set(facts))
        == len({(q["fact"]["kind"], q["fact"]["subject"], q["fact"]["value"]) for q in bank})
    )
    assert len(quiz) < len(bank)


def test_questions_quiz_with_a_limit_asks_what_the_stored_quiz_asks(
    runner: FlaskCliRunner, fresh_session: Session
) -> None:
    short = json.loads(
        runner.invoke(args=["questions", str(ARTICLE), "--quiz", "--limit", "3", "--json"]).stdout
    )
    assert runner.invoke(args=["ingest", str(ARTICLE)]).exit_code == 0
    quiz = fresh_session.scalars(sa.select(Quiz)).one()
    stored = [entry.question.prompt for entry in quiz.entries]
    # The same first facts, asked the same way (the order may differ: it is chosen anew).
    assert len(short) == 3 and {q["prompt"] for q in short} <= set(stored)


def test_ingest_prints_the_new_quiz_then_recognises_the_article(
    runner: FlaskCliRunner, fresh_session: Session
) -> None:
    created = runner.invoke(args=["ingest", str(ARTICLE)])
    assert created.exit_code == 0, created.output
    quiz = fresh_session.scalars(sa.select(Quiz)).one()
    assert created.stdout == f"created quiz {quiz.slug} with {len(quiz.entries)} questions\n"
    assert quiz.entries
    assert created.stderr == ""

    again = runner.invoke(args=["ingest", str(ARTICLE)])
    assert again.exit_code == 0, again.output
    title = "Priya Castellanos Joins “Night Runner 2” as a Rogue Courier"
    assert again.stdout == f"already ingested: {title}\n"


def test_ingest_stores_title_url_date_and_publishes_on_request(
    runner: FlaskCliRunner, fresh_session: Session
) -> None:
    args = ["ingest", str(ARTICLE), "--title", " Night Runner news ", "--url", "https://x.test/a"]
    result = runner.invoke(args=[*args, "--published", "2024-06-03", "--publish"])
    assert result.exit_code == 0, result.output
    article = fresh_session.scalars(sa.select(Article)).one()
    assert (article.title, article.source_url) == ("Night Runner news", "https://x.test/a")
    assert article.published_on is not None and article.published_on.isoformat() == "2024-06-03"
    assert article.quizzes[0].published


def test_ingest_folder_takes_its_txt_files_in_order_with_a_progress_bar(
    runner: FlaskCliRunner, fresh_session: Session, tmp_path: Path
) -> None:
    names = sorted(path.name for path in ARTICLES_DIR.glob("*.txt"))[:3]
    for name in names:
        shutil.copy(ARTICLES_DIR / name, tmp_path / name)
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")

    result = runner.invoke(args=["ingest", str(tmp_path)])

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert all(line.startswith("created quiz ") for line in lines)
    assert "3/3" in result.stderr
    titles = fresh_session.scalars(sa.select(Article.title).order_by(Article.id)).all()
    first_lines = [
        (ARTICLES_DIR / name).read_text(encoding="utf-8").split("\n")[0] for name in names
    ]
    assert titles == [line.strip() for line in first_lines]


@pytest.mark.parametrize("command", ["facts", "questions", "ingest"])
@pytest.mark.parametrize("case", list(BAD_FILES))
def test_unusable_article_is_refused_with_a_one_line_error(
    runner: FlaskCliRunner, fresh_session: Session, tmp_path: Path, command: str, case: str
) -> None:
    content, reason = BAD_FILES[case]
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(args=[command, str(path)])
    assert_one_line_error(result, reason)
    assert str(path) in result.stderr
    assert fresh_session.scalar(sa.select(sa.func.count()).select_from(Article)) == 0


def test_unreadable_file_in_a_batch_stops_it_before_anything_is_stored(
    runner: FlaskCliRunner, fresh_session: Session, tmp_path: Path
) -> None:
    shutil.copy(ARTICLE, tmp_path / "01.txt")
    (tmp_path / "02.txt").write_bytes(b"")
    result = runner.invoke(args=["ingest", str(tmp_path)])
    assert_one_line_error(result, "is empty")
    assert fresh_session.scalar(sa.select(sa.func.count()).select_from(Article)) == 0


@pytest.mark.parametrize("value", ["2024-13-01", "2024-02-30", "03/06/2024", "20240603", "soon"])
def test_ingest_refuses_a_published_date_that_is_not_yyyy_mm_dd(
    runner: FlaskCliRunner, value: str
) -> None:
    result = runner.invoke(args=["ingest", str(ARTICLE), "--published", value])
    assert_one_line_error(result, "--published must be a real date as YYYY-MM-DD")


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        (["--title", "One title"], "--title and --url describe one article; got 2"),
        (["--title", "  "], "--title cannot be blank"),
        (["--url", "https://x.test/" + "a" * 2000], "--url is 2015 characters long"),
    ],
)
def test_ingest_refuses_options_that_do_not_fit(
    runner: FlaskCliRunner, extra: list[str], reason: str
) -> None:
    paths = [str(ARTICLE), str(SEED_ARTICLE)] if "One title" in extra else [str(ARTICLE)]
    result = runner.invoke(args=["ingest", *paths, *extra])
    assert_one_line_error(result, reason)


def test_ingest_refuses_a_folder_without_articles(runner: FlaskCliRunner, tmp_path: Path) -> None:
    result = runner.invoke(args=["ingest", str(tmp_path)])
    assert_one_line_error(result, "folder has no .txt files")


def test_facts_refuses_a_folder(runner: FlaskCliRunner, tmp_path: Path) -> None:
    assert_one_line_error(runner.invoke(args=["facts", str(tmp_path)]), "is a folder")


def test_seed_publishes_the_demo_quiz_into_an_empty_database_only(
    runner: FlaskCliRunner, fresh_session: Session
) -> None:
    first = runner.invoke(args=["seed"])
    assert first.exit_code == 0, first.output
    quiz = fresh_session.scalars(sa.select(Quiz)).one()
    assert first.stdout == f"created quiz {quiz.slug} with {len(quiz.entries)} questions\n"
    assert quiz.published and quiz.entries
    assert {entry.question.status for entry in quiz.entries} == {"published"}

    second = runner.invoke(args=["seed"])
    assert second.exit_code == 0, second.output
    assert second.stdout == "the database already has quizzes: nothing seeded\n"
    assert fresh_session.scalar(sa.select(sa.func.count()).select_from(Quiz)) == 1


def test_flask_command_line_prints_errors_without_a_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    completed = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "quizapp", "facts", str(missing)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert completed.stderr == f"Error: {missing}: no such file\n"
    assert completed.stdout == ""


def test_ingest_publish_refuses_an_article_without_questions(
    runner: FlaskCliRunner, tmp_path: Path, fresh_session: Session
) -> None:
    article = tmp_path / "thin.txt"
    article.write_text('The film "Grey Lantern" is mentioned here, and that is all.\n')
    result = runner.invoke(args=["ingest", str(article), "--publish"])
    assert result.exit_code == 1, result.output
    assert "A published quiz needs at least one question." in result.output
    assert fresh_session.scalar(sa.select(sa.func.count()).select_from(Quiz)) == 0


def test_an_unreadable_setting_is_one_error_line(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The film stars Ann Lee.", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "quizapp", "facts", str(article)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QUIZAPP_GENERATION_SEED": "abc"},
    )
    assert completed.returncode == 1
    assert completed.stderr == "Error: QUIZAPP_GENERATION_SEED must be a whole number, got 'abc'\n"


def test_quiz_shows_and_changes_the_rules(runner: FlaskCliRunner, fresh_session: Session) -> None:
    assert runner.invoke(args=["seed"]).exit_code == 0
    slug = fresh_session.scalars(sa.select(Quiz.slug)).one()

    shown = runner.invoke(args=["quiz", slug])
    changed = runner.invoke(
        args=["quiz", slug, "--time-limit", "90", "--shuffle-options", "--feedback", "end"]
    )
    untimed = runner.invoke(args=["quiz", slug, "--untimed", "--unpublish", "--first-game-counts"])

    assert shown.exit_code == changed.exit_code == untimed.exit_code == 0, changed.output
    assert shown.stdout.startswith(f"{slug} (published): ")
    assert '"time_limit_seconds": 90' in changed.stdout
    settings = json.loads(untimed.stdout.split(": ", 1)[1])
    assert settings["time_limit_seconds"] is None
    assert settings["shuffle_options"] is True and settings["feedback"] == "end"
    assert settings["first_game_counts"] is True
    assert untimed.stdout.startswith(f"{slug} (unpublished)")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["quiz", "no-such-quiz"], "no quiz with slug"),
        (["quiz", "SLUG", "--time-limit", "60", "--untimed"], "not both"),
    ],
)
def test_quiz_refuses_bad_requests(
    runner: FlaskCliRunner, fresh_session: Session, args: list[str], reason: str
) -> None:
    assert runner.invoke(args=["seed"]).exit_code == 0
    slug = fresh_session.scalars(sa.select(Quiz.slug)).one()
    before = fresh_session.scalars(sa.select(Quiz.settings)).one()
    result = runner.invoke(args=[slug if arg == "SLUG" else arg for arg in args])
    assert_one_line_error(result, reason)
    fresh_session.expire_all()
    assert fresh_session.scalars(sa.select(Quiz.settings)).one() == before


def test_quiz_refuses_to_publish_a_quiz_without_questions(
    runner: FlaskCliRunner, session: Session, fresh_session: Session
) -> None:
    session.add(Quiz(title="Empty", slug="empty", settings={}))
    session.commit()

    result = runner.invoke(args=["quiz", "empty", "--publish", "--time-limit", "60"])

    assert_one_line_error(result, "A published quiz needs at least one question.")
    empty = fresh_session.scalars(sa.select(Quiz).where(Quiz.slug == "empty")).one()
    assert empty.published is False
    assert empty.settings == {}


def test_expire_closes_overdue_timed_attempts(runner: FlaskCliRunner, session: Session) -> None:
    from datetime import timedelta

    from quizapp.models import Attempt, BoardEntry, utcnow
    from quizapp.play.players import new_player
    from quizapp.play.starting import start_attempt

    assert runner.invoke(args=["seed"]).exit_code == 0
    quiz = session.scalars(sa.select(Quiz)).one()
    quiz.settings = {**quiz.settings, "time_limit_seconds": 60}
    player = new_player(session, "Late")
    overdue = start_attempt(session, quiz, player, utcnow() - timedelta(minutes=5))
    current = start_attempt(session, quiz, player, utcnow())
    session.commit()

    result = runner.invoke(args=["expire"])

    assert result.exit_code == 0, result.output
    assert result.stdout == "closed 1 overdue attempts\nforgot 0 ended sign-in failure counts\n"
    session.expire_all()
    assert session.get(Attempt, overdue.id).status == "timed_out"  # type: ignore[union-attr]
    assert session.get(Attempt, current.id).status == "active"  # type: ignore[union-attr]
    assert session.scalar(sa.select(sa.func.count()).select_from(BoardEntry)) == 3


def test_questions_follow_the_articles_date_given_with_published(runner: FlaskCliRunner) -> None:
    before = runner.invoke(args=["questions", str(SEED_ARTICLE), "--published", "2020-05-01"])
    after = runner.invoke(args=["questions", str(SEED_ARTICLE), "--published", "2022-05-01"])
    assert before.exit_code == 0 and after.exit_code == 0, before.output + after.output
    release = [
        line
        for line in before.stdout.splitlines()
        if re.match(r"\d+\. .*(?:set for release|released\b)", line)
    ]
    assert release and all("As of May 2020" in line for line in release)
    assert "set for release" not in after.stdout
    assert re.search(r"When was .* released|On what date was .* released", after.stdout)


def test_questions_refuse_a_published_date_that_is_not_yyyy_mm_dd(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["questions", str(SEED_ARTICLE), "--published", "2020-13-01"])
    assert result.exit_code == 1
    assert "--published must be a real date as YYYY-MM-DD" in result.output
