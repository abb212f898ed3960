"""The public pages."""

from flask.testing import FlaskClient
from markupsafe import escape
from sqlalchemy.orm import Session

from quizapp.ingest.articles import ingest_article
from tests.conftest import SEED_ARTICLE


def test_home_page_lists_a_published_quiz_with_its_size_plays_and_best(
    client: FlaskClient, session: Session
) -> None:
    result = ingest_article(session, SEED_ARTICLE.read_text(encoding="utf-8"), publish=True)
    session.commit()
    assert result.quiz is not None
    count = len(result.quiz.questions)

    response = client.get("/")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert str(escape(result.quiz.title)) in page
    assert f'href="/quizzes/{result.quiz.slug}"' in page
    assert f"<dt>Questions</dt><dd>{count}</dd>" in page
    assert "<dt>Plays</dt><dd>0</dd>" in page
    assert "none yet" in page
    # The home page lists quizzes; it never shows the questions (or their options).
    assert str(escape(result.quiz.questions[0].prompt)) not in page


def test_home_page_hides_unpublished_quizzes(client: FlaskClient, session: Session) -> None:
    result = ingest_article(session, SEED_ARTICLE.read_text(encoding="utf-8"), publish=False)
    session.commit()
    assert result.quiz is not None
    page = client.get("/").get_data(as_text=True)
    assert str(escape(result.quiz.title)) not in page
    assert client.get(f"/quizzes/{result.quiz.slug}").status_code == 404


def test_home_page_without_quizzes_explains_how_to_add_one(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "flask --app quizapp ingest PATH" in response.get_data(as_text=True)


def test_unknown_page_renders_our_404_page(client: FlaskClient) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "404 · Not Found" in page
    assert "Back to the quizzes" in page
