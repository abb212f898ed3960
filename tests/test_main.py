"""The public pages."""

from flask.testing import FlaskClient
from markupsafe import escape
from sqlalchemy.orm import Session

from quizapp.ingest import ingest_article
from tests.conftest import SEED_ARTICLE


def test_home_page_lists_an_ingested_quiz_with_its_questions(
    client: FlaskClient, session: Session
) -> None:
    result = ingest_article(session, SEED_ARTICLE.read_text(encoding="utf-8"), publish=True)
    session.commit()
    assert result.quiz is not None
    assert result.quiz.questions

    response = client.get("/")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert str(escape(result.quiz.title)) in page
    for question in result.quiz.questions:
        assert str(escape(question.prompt)) in page


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
