"""The author's forms: bringing in an article, facts, the question editor, the quiz builder."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.validators import (
    URL,
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from quizapp.forms.base import strip
from quizapp.generation.types import FACT_KINDS
from quizapp.kinds import KINDS, EditorEntry
from quizapp.play.settings import TIME_LIMIT_MAX, TIME_LIMIT_MIN
from quizapp.text.limits import (
    ANSWER_MAX,
    DESCRIPTION_MAX,
    EXPLANATION_MAX,
    FACT_TEXT_MAX,
    PROMPT_MAX,
    TITLE_MAX,
    URL_MAX,
)

STATUS_CHOICES = {"draft": "Draft", "published": "Approved", "rejected": "Rejected"}


class ArticleForm(FlaskForm):
    source = RadioField(
        "Bring the article in by",
        choices={"paste": "Pasting its text", "url": "Its address", "upload": "A saved page"},
        default="paste",
    )
    title = StringField("Title", filters=[strip], validators=[Optional(), Length(max=TITLE_MAX)])
    url = URLField("Address (URL)", filters=[strip], validators=[Length(max=URL_MAX)])
    published = DateField("Published on", validators=[Optional()])
    text = TextAreaField("Article text", filters=[strip])
    page = FileField("Saved HTML page")

    def validate_text(self, field: TextAreaField) -> None:
        if self.source.data == "paste" and not field.data:
            raise ValidationError("Paste the article's text.")

    def validate_url(self, field: URLField) -> None:
        if self.source.data == "url" and not field.data:
            raise ValidationError("Give the article's address.")
        if field.data:
            URL(message="Give a full address, starting with http:// or https://.")(self, field)

    def validate_page(self, field: FileField) -> None:
        if self.source.data == "upload" and not (field.data and field.data.filename):
            raise ValidationError("Choose the saved page to upload.")


class FactForm(FlaskForm):
    kind = SelectField("Kind", choices={k: k.replace("_", " ") for k in FACT_KINDS})
    subject = StringField(
        "Subject", filters=[strip], validators=[DataRequired(), Length(max=FACT_TEXT_MAX)]
    )
    value = StringField(
        "Value", filters=[strip], validators=[DataRequired(), Length(max=FACT_TEXT_MAX)]
    )
    hedged = BooleanField("The article only hedges this")


class QuestionForm(FlaskForm):
    kind = SelectField("Kind", choices={name: kind.label for name, kind in KINDS.items()})
    prompt = TextAreaField(
        "Question",
        filters=[strip],
        validators=[DataRequired("Write the question."), Length(max=PROMPT_MAX)],
    )
    options = FieldList(
        StringField("Option", filters=[strip], validators=[Length(max=ANSWER_MAX)]),
        min_entries=6,
        max_entries=6,
    )
    correct = IntegerField("Correct option", validators=[Optional(), NumberRange(1, 6)])
    truth = RadioField(
        "The statement is", choices={"true": "True", "false": "False"}, default="true"
    )
    answer = StringField("Answer", filters=[strip], validators=[Length(max=ANSWER_MAX)])
    accepted = TextAreaField("Other accepted answers (one per line)", filters=[strip])
    explanation = TextAreaField(
        "Explanation", filters=[strip], validators=[Length(max=EXPLANATION_MAX)]
    )
    evidence_sentence = SelectField("Evidence sentence", coerce=int, validate_choice=False)
    difficulty = SelectField(
        "Difficulty",
        coerce=int,
        choices={1: "Easy", 2: "Medium", 3: "Hard"},  # type: ignore[arg-type]  # stubs: no {value: label}
        default=2,
    )
    status = SelectField("Status", choices=STATUS_CHOICES, default="draft")

    def entry(self, positions: list[int | None] | None = None) -> EditorEntry:
        """The fields as plain values, for the question's kind to check and read."""
        return EditorEntry(
            options=[entry.data or "" for entry in self.options],
            positions=positions or [],
            correct=self.correct.data,
            truth=self.truth.data == "true",
            answer=self.answer.data or "",
            accepted=[
                line.strip() for line in (self.accepted.data or "").splitlines() if line.strip()
            ],
        )

    def load(self, entry: EditorEntry) -> None:
        """Fill the kind's fields from a stored question's."""
        for field, text in zip(self.options, entry.options, strict=False):
            field.data = text
        self.correct.data = entry.correct
        self.truth.data = "true" if entry.truth else "false"
        self.answer.data = entry.answer
        self.accepted.data = "\n".join(entry.accepted)

    def validate(self, extra_validators: Mapping[str, Sequence[Any]] | None = None) -> bool:
        """The fields every kind has, then the ones the chosen kind needs."""
        valid = bool(super().validate(extra_validators))
        kind = KINDS.get(self.kind.data or "")
        if kind is not None:
            for name, message in kind.editor_problems(self.entry()).items():
                getattr(self, name).errors = [message]
                valid = False
        return valid


class QuizForm(FlaskForm):
    title = StringField(
        "Title",
        filters=[strip],
        validators=[DataRequired("Give the quiz a title."), Length(max=TITLE_MAX)],
    )
    description = TextAreaField(
        "Description", filters=[strip], validators=[Length(max=DESCRIPTION_MAX)]
    )
    random_count = IntegerField(
        "Or: this many at random from the ticked ones", validators=[Optional(), NumberRange(1, 200)]
    )
    timed = BooleanField("Timed")
    time_limit = IntegerField("Time limit (seconds)", validators=[Optional()])
    speed_bonus = BooleanField("Speed bonus")
    shuffle_questions = BooleanField("Shuffle the questions for each player")
    shuffle_options = BooleanField("Shuffle the options for each player")
    first_game_counts = BooleanField("Only each player's first game counts on the leaderboard")
    feedback = RadioField(
        "Show feedback",
        choices={"each": "After each question", "end": "At the end"},
        default="each",
    )
    published = BooleanField("Published")

    def validate(self, extra_validators: Mapping[str, Sequence[Any]] | None = None) -> bool:
        valid = bool(super().validate(extra_validators))
        limit = self.time_limit.data
        if self.timed.data and not limit:
            self.time_limit.errors = ["A timed quiz needs a time limit."]
            valid = False
        elif limit is not None and not TIME_LIMIT_MIN <= limit <= TIME_LIMIT_MAX:
            self.time_limit.errors = ["Between 10 seconds and a day."]
            valid = False
        return valid


class ImportForm(FlaskForm):
    format = RadioField(
        "Format",
        choices={
            "gift": "GIFT (Moodle)",
            "json": "quizapp JSON",
            "opentdb": "Open Trivia DB JSON",
        },
        default="gift",
    )
    file = FileField("File", validators=[InputRequired("Choose a file to import.")])
