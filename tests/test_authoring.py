"""The author's workspace over HTTP: articles in, facts corrected, questions, quizzes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from sqlalchemy.orm import Session

from quizapp.models import Article, ChangeEvent, Fact, Question, Quiz, QuizQuestion
from tests.author_support import signed_in
from tests.conftest import ARTICLES_DIR, SEED_ARTICLE
from tests.loopback import serving
from tests.playing import attempt_of, fresh, play_all, start

ARTICLE = (ARTICLES_DIR / "02-star-quest-date-change.txt").read_text(encoding="utf-8")
NEWS_PAGE = """<!doctype html><html><head><title>Tidewater gets a director | Film Desk</title>
<meta property="article:published_time" content="2026-03-02"></head><body>
<nav><a href="/">Home</a> <a href="/films">Films</a> Subscribe now for more film news</nav>
<aside class="ad">Buy the Gadget 3000 today, limited offer</aside>
<article><h1>Tidewater gets a director</h1>
<p>Mirela Castellano will direct "Tidewater," the studio said on Monday. The thriller stars
Owen Blackwood as a lighthouse keeper and Sadie Okonkwo as a coast guard pilot.</p>
<p>"Tidewater" is set to open in theaters on October 9, 2026. Filming begins in Lisbon in
the spring, with a script by Hal Brennan.</p>
<p>Castellano previously directed two documentaries about the sea, and she said the new film
would be "a story about the people who keep the lights on." Blackwood joined the cast last
month after a long search for the lead.</p></article>
<section class="comments"><p>Comment by filmfan99: can't wait, this will be great!</p></section>
</body></html>"""


@pytest.fixture
def author(app: Flask, session: Session) -> FlaskClient:
    return signed_in(app, session, "author")


def bring_in(client: FlaskClient, text: str = ARTICLE, **extra: str) -> int:
    data = {"source": "paste", "text": text, "title": "Star Quest moves", **extra}
    response = client.post("/author/articles/new", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)[-2000:]
    return int(response.location.rsplit("/", 1)[1])


def article_of(session: Session, article_id: int) -> Article:
    with fresh(session) as reader:
        article = reader.get(Article, article_id)
        assert article is not None
        for item in (*article.facts, *article.questions):
            reader.refresh(item)
        for question in article.questions:
            _ = question.choices
        reader.expunge_all()
        return article


@pytest.fixture
def page_server() -> Iterator[str]:
    with serving({"/news/tidewater": NEWS_PAGE}) as site:
        yield site.base_url + "/news/tidewater"


# Bringing articles in


def test_a_pasted_article_gets_facts_and_gated_questions(
    author: FlaskClient, session: Session
) -> None:
    article = article_of(session, bring_in(author))
    assert article.title == "Star Quest moves"
    assert article.facts and article.questions
    assert all(q.status == "draft" for q in article.questions)
    assert {q.gate_passed for q in article.questions} <= {True, False}
    page = author.get(f"/author/articles/{article.id}").get_data(as_text=True)
    assert page.count("<mark>") >= len(article.facts)
    assert "Anneliese Varga" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"source": "paste", "text": ""}, "Paste the article"),
        ({"source": "paste", "text": "Cream the butter and sugar."}, "does not read as a film"),
        ({"source": "url", "url": ""}, "Give the article"),
        ({"source": "url", "url": "not a url"}, "Give a full address"),
        ({"source": "upload"}, "Choose the saved page"),
    ],
)
def test_bad_articles_get_a_clear_message_and_store_nothing(
    author: FlaskClient, session: Session, data: dict[str, str], message: str
) -> None:
    response = author.post("/author/articles/new", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with fresh(session) as reader:
        assert reader.scalar(sa.select(sa.func.count()).select_from(Article)) == 0


def test_an_article_already_here_is_not_stored_twice(author: FlaskClient) -> None:
    first = bring_in(author)
    response = author.post("/author/articles/new", data={"source": "paste", "text": ARTICLE})
    assert response.location == f"/author/articles/{first}"


def test_an_article_by_url_from_loopback_needs_the_setting(
    app: Flask, author: FlaskClient, session: Session, page_server: str
) -> None:
    refused = author.post("/author/articles/new", data={"source": "url", "url": page_server})
    assert refused.status_code == 400
    assert "not allowed" in refused.get_data(as_text=True)

    app.config["QUIZAPP_ALLOW_PRIVATE_URLS"] = True
    response = author.post("/author/articles/new", data={"source": "url", "url": page_server})

    assert response.status_code == 303
    article = article_of(session, int(response.location.rsplit("/", 1)[1]))
    assert article.title == "Tidewater gets a director"
    assert article.source_url == page_server
    assert str(article.published_on) == "2026-03-02"
    assert "Mirela Castellano will direct" in article.text
    assert "Subscribe" not in article.text and "filmfan99" not in article.text
    assert "Gadget" not in article.text
    assert any(f.kind == "director" and f.value == "Mirela Castellano" for f in article.facts)


def test_an_article_from_a_saved_page(author: FlaskClient, session: Session) -> None:
    from io import BytesIO

    response = author.post(
        "/author/articles/new",
        data={"source": "upload", "page": (BytesIO(NEWS_PAGE.encode()), "tidewater.html")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    article = article_of(session, int(response.location.rsplit("/", 1)[1]))
    assert article.title == "Tidewater gets a director"
    assert "Gadget" not in article.text


# Facts


def first_fact(article: Article, kind: str) -> Fact:
    return next(f for f in article.facts if f.kind == kind)


def test_a_fact_can_only_be_corrected_to_something_the_article_says(
    author: FlaskClient, session: Session
) -> None:
    article = article_of(session, bring_in(author))
    fact = first_fact(article, "director")
    prefix = f"fact{fact.id}-"
    base = {prefix + "kind": "director", prefix + "subject": fact.subject}

    refused = author.post(f"/author/facts/{fact.id}", data={**base, prefix + "value": "Nobody"})
    page = author.get(refused.location).get_data(as_text=True)
    assert "does not appear in the article" in page
    assert first_fact(article_of(session, article.id), "director").value == fact.value

    author.post(f"/author/facts/{fact.id}", data={**base, prefix + "value": "Pell Harrington"})
    corrected = next(f for f in article_of(session, article.id).facts if f.id == fact.id)
    assert (corrected.value, corrected.origin) == ("Pell Harrington", "author")
    assert ARTICLE[corrected.start : corrected.end] == "Pell Harrington"


def test_regenerating_replaces_untouched_drafts_and_keeps_edits(
    author: FlaskClient, session: Session
) -> None:
    article_id = bring_in(author)
    article = article_of(session, article_id)
    director = first_fact(article, "director")
    edited = next(q for q in article.questions if q.fact_id != director.id)
    form = author.get(f"/author/questions/{edited.id}/edit").get_data(as_text=True)
    assert "Save the question" in form
    data = {
        "kind": "typed",
        "prompt": "In which city was the film shot?",
        "answer": "Budapest",
        "accepted": "",
        "explanation": "It was shot in Budapest.",
        "evidence_sentence": "-1",
        "difficulty": "2",
        "status": "draft",
    }
    assert author.post(f"/author/questions/{edited.id}/edit", data=data).status_code == 303
    author.post(f"/author/facts/{director.id}/drop")

    assert author.post(f"/author/articles/{article_id}/regenerate").status_code == 303

    after = article_of(session, article_id)
    kept = next(q for q in after.questions if q.id == edited.id)
    assert kept.prompt == "In which city was the film shot?"
    assert all(
        q.fact_id != director.id for q in after.questions if q.status == "draft" and not q.edited
    )
    assert next(f for f in after.facts if f.id == director.id).status == "dropped"


def test_approving_in_bulk_takes_only_what_passed_the_gate(
    author: FlaskClient, session: Session
) -> None:
    article_id = bring_in(author)
    with fresh(session) as writer:
        question = writer.scalars(
            sa.select(Question).where(Question.article_id == article_id)
        ).first()
        assert question is not None
        question.gate_passed, question.gate_notes = False, ["Needs a look."]
        writer.commit()
        failing = question.id
    author.post(f"/author/articles/{article_id}/approve-passed")
    article = article_of(session, article_id)
    statuses = {q.id: q.status for q in article.questions}
    assert statuses[failing] == "draft"
    assert sum(status == "published" for status in statuses.values()) == sum(
        bool(q.gate_passed) for q in article.questions
    )
    with fresh(session) as reader:
        events = reader.scalars(sa.select(ChangeEvent.action)).all()
    assert set(events) == {"published"}


# The question editor


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"kind": "multiple_choice", "options-0": "Only one", "correct": "1"},
            "Give 2 to 6 options.",
        ),
        (
            {"kind": "multiple_choice", "options-0": "A", "options-1": "a", "correct": "1"},
            "must all differ",
        ),
        (
            {"kind": "multiple_choice", "options-0": "A", "options-1": "B"},
            "Say which option is correct.",
        ),
        (
            {"kind": "multiple_choice", "options-0": "A", "options-1": "B", "correct": "3"},
            "Say which option is correct.",
        ),
        ({"kind": "typed", "answer": ""}, "Give the answer."),
        ({"kind": "typed", "prompt": "", "answer": "x"}, "Write the question."),
    ],
)
def test_an_invalid_question_form_saves_nothing(
    author: FlaskClient, session: Session, data: dict[str, str], message: str
) -> None:
    article_id = bring_in(author)
    before = article_of(session, article_id)
    payload = {
        "prompt": "Who?",
        "status": "draft",
        "difficulty": "2",
        "evidence_sentence": "-1",
        **data,
    }
    response = author.post(f"/author/articles/{article_id}/questions/new", data=payload)
    assert response.status_code == 400
    assert str(escape(message)) in response.get_data(as_text=True)
    assert len(article_of(session, article_id).questions) == len(before.questions)


def test_a_written_question_is_previewed_with_its_history(
    author: FlaskClient, session: Session
) -> None:
    article_id = bring_in(author)
    payload = {
        "kind": "multiple_choice",
        "prompt": "Who plays Idris Vale?",
        "options-0": "Juno Takahashi",
        "options-1": "Kofi Mensah-Bright",
        "options-2": "Lou Fairweather",
        "correct": "2",
        "explanation": "Kofi Mensah-Bright plays the captain.",
        "evidence_sentence": "8",
        "difficulty": "1",
        "status": "published",
    }
    response = author.post(f"/author/articles/{article_id}/questions/new", data=payload)
    assert response.status_code == 303
    page = author.get(response.location).get_data(as_text=True)
    assert "Preview, as a player sees it" in page
    assert "Kofi Mensah-Bright" in page and "created by author-" in page
    with fresh(session) as reader:
        question = reader.scalars(
            sa.select(Question).where(Question.prompt == "Who plays Idris Vale?")
        ).one()
        assert [c.text for c in question.choices if c.is_correct] == ["Kofi Mensah-Bright"]
        assert question.origin == "authored" and question.edited
        assert "Directed by Anneliese Varga" in (question.evidence or "")


def test_editing_a_played_question_makes_a_new_version(
    app: Flask, author: FlaskClient, session: Session
) -> None:
    article_id = bring_in(author)
    article = article_of(session, article_id)
    chosen = [q.id for q in article.questions if q.kind == "multiple_choice"][:3]
    quiz_data = {
        "title": "Star Quest",
        "pick": [str(i) for i in chosen],
        "feedback": "each",
        "published": "y",
    }
    saved = author.post("/author/quizzes/new", data=quiz_data)
    assert saved.status_code == 303
    with fresh(session) as reader:
        quiz = reader.scalars(sa.select(Quiz).where(Quiz.title == "Star Quest")).one()
        slug, quiz_id = quiz.slug, quiz.id
    player = app.test_client()
    token = start(player, slug)
    played = play_all(player, session, token, right=True)
    old = chosen[0]
    form = author.get(f"/author/questions/{old}/edit").get_data(as_text=True)
    options = re.findall(r'name="options-\d" type="text" value="([^"]*)"', form)
    payload = {
        "kind": "multiple_choice",
        "prompt": "A reworded question?",
        **{f"options-{i}": text for i, text in enumerate(o for o in options if o)},
        "correct": "1",
        "evidence_sentence": "-1",
        "difficulty": "2",
        "status": "published",
    }
    response = author.post(f"/author/questions/{old}/edit", data=payload)
    assert response.status_code == 303
    new_id = int(response.location.rsplit("/", 1)[1])
    assert new_id != old
    with fresh(session) as reader:
        assert reader.get(Question, old).status == "archived"
        assert reader.get(Question, new_id).replaces_id == old
        entries = reader.scalars(
            sa.select(QuizQuestion.question_id).where(QuizQuestion.quiz_id == quiz_id)
        ).all()
    assert new_id in entries and old not in entries
    review = player.get(f"/results/{token}").get_data(as_text=True)
    assert "A reworded question?" not in review
    assert attempt_of(session, token).points == played.points
    history = author.get(f"/author/questions/{old}").get_data(as_text=True)
    assert "replaced" in history and f"by version #{new_id}" in history


def test_archiving_takes_a_question_out_of_its_quizzes(
    author: FlaskClient, session: Session
) -> None:
    article_id = bring_in(author)
    ids = [q.id for q in article_of(session, article_id).questions][:2]
    author.post(
        "/author/quizzes/new",
        data={"title": "Two", "pick": [str(i) for i in ids], "feedback": "each"},
    )
    author.post(f"/author/questions/{ids[0]}/archive")
    with fresh(session) as reader:
        assert reader.get(Question, ids[0]).status == "archived"
        assert reader.scalars(sa.select(QuizQuestion.question_id)).all() == [ids[1]]
    assert author.get(f"/author/questions/{ids[0]}/edit").status_code == 409


# The quiz builder


def test_the_quiz_builder_refuses_what_cannot_be_played(
    author: FlaskClient, session: Session
) -> None:
    article_id = bring_in(author)
    ids = [q.id for q in article_of(session, article_id).questions]
    empty = author.post(
        "/author/quizzes/new", data={"title": "Empty", "published": "y", "feedback": "each"}
    )
    assert empty.status_code == 400
    assert "needs at least one question" in empty.get_data(as_text=True)
    untimed = author.post(
        "/author/quizzes/new",
        data={"title": "T", "pick": [str(ids[0])], "timed": "y", "feedback": "each"},
    )
    assert "A timed quiz needs a time limit." in untimed.get_data(as_text=True)
    author.post(f"/author/questions/{ids[1]}/reject")
    rejected = author.post(
        "/author/quizzes/new", data={"title": "R", "pick": [str(ids[1])], "feedback": "each"}
    )
    assert "cannot be played" in rejected.get_data(as_text=True)
    with fresh(session) as reader:
        assert reader.scalar(sa.select(sa.func.count()).select_from(Quiz)) == 0


def test_a_built_quiz_is_ordered_timed_published_and_playable(
    app: Flask, author: FlaskClient, session: Session
) -> None:
    article_id = bring_in(author)
    ids = [q.id for q in article_of(session, article_id).questions][:4]
    data = {
        "title": "Orbit trivia",
        "description": "Four questions.",
        "pick": [str(i) for i in ids],
        **{f"order-{qid}": str(4 - n) for n, qid in enumerate(ids)},
        "timed": "y",
        "time_limit": "120",
        "speed_bonus": "y",
        "shuffle_options": "y",
        "feedback": "end",
        "first_game_counts": "y",
        "published": "y",
    }
    assert author.post("/author/quizzes/new", data=data).status_code == 303
    with fresh(session) as reader:
        quiz = reader.scalars(sa.select(Quiz).where(Quiz.title == "Orbit trivia")).one()
        assert [e.question_id for e in quiz.entries] == list(reversed(ids))
        assert quiz.settings["time_limit_seconds"] == 120 and quiz.settings["feedback"] == "end"
        assert quiz.settings["first_game_counts"] is True
        assert quiz.published
        assert {e.question.status for e in quiz.entries} == {"published"}
        slug = quiz.slug
    player = app.test_client()
    assert "Orbit trivia" in player.get("/").get_data(as_text=True)
    assert attempt_of(session, start(player, slug)).question_count == 4


def test_n_random_from_the_ticked_pool(author: FlaskClient, session: Session) -> None:
    article_id = bring_in(author)
    ids = [q.id for q in article_of(session, article_id).questions][:8]
    data = {
        "title": "Random",
        "pick": [str(i) for i in ids],
        "random_count": "3",
        "feedback": "each",
    }
    assert author.post("/author/quizzes/new", data=data).status_code == 303
    with fresh(session) as reader:
        quiz = reader.scalars(sa.select(Quiz).where(Quiz.title == "Random")).one()
        chosen = [e.question_id for e in quiz.entries]
    assert len(chosen) == 3 and set(chosen) <= set(ids)


# Statistics and conflicts


def test_question_statistics_count_answers_and_draw_them(
    app: Flask, author: FlaskClient, session: Session
) -> None:
    article_id = bring_in(author)
    ids = [q.id for q in article_of(session, article_id).questions if q.kind == "multiple_choice"][
        :2
    ]
    author.post(
        "/author/quizzes/new",
        data={
            "title": "Stats",
            "pick": [str(i) for i in ids],
            "feedback": "each",
            "published": "y",
        },
    )
    with fresh(session) as reader:
        slug = reader.scalars(sa.select(Quiz.slug).where(Quiz.title == "Stats")).one()
    for n in range(6):
        player = app.test_client()
        play_all(player, session, start(player, slug, f"P{n}"), right=[n == 0, True])
    page = author.get(f"/author/questions/{ids[0]}").get_data(as_text=True)
    assert "Answered 6 times; 17% right" in page
    assert "Flag: almost nobody gets it right." in page
    assert '<svg viewBox="0 0 420' in page
    other = author.get(f"/author/questions/{ids[1]}").get_data(as_text=True)
    assert "almost everybody gets it right" in other


def test_a_newer_article_that_moves_the_date_shows_a_conflict(
    author: FlaskClient, session: Session
) -> None:
    older = bring_in(author, published="2025-01-10")
    newer_text = ARTICLE.replace("to July 17, 2026", "to August 7, 2026").replace(
        "Jumps From December to Next Summer", "Moves Again"
    )
    bring_in(author, text=newer_text, title="Star Quest moves again", published="2025-06-01")
    page = author.get(f"/author/articles/{older}").get_data(as_text=True)
    assert "Other articles disagree" in page
    match = re.search(r'action="/author/facts/(\d+)/retire"', page)
    assert match, page
    old_fact = int(match.group(1))
    with fresh(session) as reader:
        fact = reader.get(Fact, old_fact)
        assert fact is not None and fact.value == "2026-07-17"
    author.post(f"/author/facts/{old_fact}/retire")
    with fresh(session) as reader:
        statuses = reader.scalars(
            sa.select(Question.status).where(Question.fact_id == old_fact)
        ).all()
    assert statuses and set(statuses) == {"archived"}


def test_options_are_reordered_by_their_position_boxes(
    author: FlaskClient, session: Session
) -> None:
    article_id = bring_in(author)
    payload = {
        "kind": "multiple_choice",
        "prompt": "Who plays Ada Prynne?",
        "options-0": "Lou Fairweather",
        "options-1": "Juno Takahashi",
        "options-2": "",
        "options-3": "Bertrand Achebe",
        "correct": "2",
        "position-0": "3",
        "position-1": "1",
        "position-3": "2",
        "evidence_sentence": "-1",
        "difficulty": "2",
        "status": "draft",
    }
    assert (
        author.post(f"/author/articles/{article_id}/questions/new", data=payload).status_code == 303
    )
    with fresh(session) as reader:
        question = reader.scalars(
            sa.select(Question).where(Question.prompt == "Who plays Ada Prynne?")
        ).one()
        assert [(c.text, c.is_correct) for c in question.choices] == [
            ("Juno Takahashi", True),
            ("Bertrand Achebe", False),
            ("Lou Fairweather", False),
        ]


def test_correcting_a_fact_forgets_the_old_qualifier(author: FlaskClient, session: Session) -> None:
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    article = article_of(session, bring_in(author, text=seed, title="Seed"))
    fact = next(f for f in article.facts if f.kind == "cast" and f.qualifier)
    prefix = f"fact{fact.id}-"
    other = next(f.value for f in article.facts if f.kind == "cast" and f.value != fact.value)
    data = {prefix + "kind": fact.kind, prefix + "subject": fact.subject, prefix + "value": other}
    author.post(f"/author/facts/{fact.id}", data=data)
    corrected = next(f for f in article_of(session, article.id).facts if f.id == fact.id)
    assert (corrected.value, corrected.qualifier) == (other, None)


def test_adding_a_fact_stores_it_with_its_evidence(author: FlaskClient, session: Session) -> None:
    article_id = bring_in(author)
    before = len(article_of(session, article_id).facts)
    data = {"new-kind": "filming_location", "new-subject": "Star Quest", "new-value": "Budapest"}
    refused = author.post(
        f"/author/articles/{article_id}/facts", data={**data, "new-value": "Atlantis"}
    )
    assert refused.status_code == 400
    assert "does not appear in the article" in refused.get_data(as_text=True)
    assert author.post(f"/author/articles/{article_id}/facts", data=data).status_code == 303
    facts = article_of(session, article_id).facts
    assert len(facts) == before + 1
    added = next(f for f in facts if f.origin == "author")
    assert ARTICLE[added.start : added.end] == "Budapest"


def test_rejected_and_retired_questions_leave_their_quizzes(
    author: FlaskClient, session: Session
) -> None:
    article_id = bring_in(author)
    ids = [q.id for q in article_of(session, article_id).questions][:3]
    data = {"title": "Three", "pick": [str(i) for i in ids], "feedback": "each", "published": "y"}
    assert author.post("/author/quizzes/new", data=data).status_code == 303
    author.post(f"/author/questions/{ids[0]}/reject")
    with fresh(session) as reader:
        assert reader.scalars(sa.select(QuizQuestion.question_id)).all() == ids[1:]


def test_fact_and_quiz_changes_are_kept_with_who_and_when(
    author: FlaskClient, session: Session
) -> None:
    article_id = bring_in(author)
    fact = first_fact(article_of(session, article_id), "director")
    prefix = f"fact{fact.id}-"
    data = {
        prefix + "kind": "director",
        prefix + "subject": fact.subject,
        prefix + "value": "Pell Harrington",
    }
    author.post(f"/author/facts/{fact.id}", data=data)
    page = author.get(f"/author/articles/{article_id}").get_data(as_text=True)
    assert f"corrected (was director: {fact.subject} → {fact.value}) by author-" in page

    ids = [q.id for q in article_of(session, article_id).questions][:2]
    saved = author.post(
        "/author/quizzes/new",
        data={"title": "H", "pick": [str(i) for i in ids], "feedback": "each"},
    )
    author.post(
        saved.location,
        data={"title": "H", "pick": [str(ids[0])], "feedback": "each", "published": "y"},
    )
    builder = author.get(saved.location).get_data(as_text=True)
    assert "created (2 questions, draft) by author-" in builder
    assert "edited (1 question, published) by author-" in builder


TWO_FILMS = """Two dramas lead the autumn slate

"Winter Harbor", directed by Ana Reis, opens on October 3, 2031. "Paper Wolves", from \
director Bo Lind, follows a month later.

Early word is strong. Tom Gale plays Captain Hale, and Ida Voss plays Mara Quint.
"""


def test_an_unsure_fact_is_shown_asked_nothing_until_an_author_confirms_it(
    author: FlaskClient, session: Session
) -> None:
    article_id = bring_in(author, text=TWO_FILMS, title="Autumn slate")
    article = article_of(session, article_id)
    unsure = [f for f in article.facts if f.status == "unsure"]
    assert {(f.kind, f.value) for f in unsure} >= {("cast", "Tom Gale"), ("cast", "Ida Voss")}
    assert not [q for q in article.questions if "Tom Gale" in q.prompt]
    page = author.get(f"/author/articles/{article_id}").get_data(as_text=True)
    assert "unsure: the film is a guess" in page

    fact = next(f for f in unsure if f.value == "Tom Gale")
    assert author.post(f"/author/facts/{fact.id}/confirm").status_code == 303
    again = author.post(f"/author/facts/{fact.id}/confirm")
    assert again.status_code == 303  # a second confirm changes nothing and says so
    assert author.post(f"/author/articles/{article_id}/regenerate").status_code == 303
    article = article_of(session, article_id)
    assert next(f for f in article.facts if f.id == fact.id).status == "active"
    assert [
        q
        for q in article.questions
        if "Tom Gale" in q.prompt or any(c.text == "Tom Gale" and c.is_correct for c in q.choices)
    ]
    with fresh(session) as reader:
        actions = reader.scalars(
            sa.select(ChangeEvent.action).where(ChangeEvent.fact_id == fact.id)
        ).all()
    assert actions == ["confirmed"]
