"""Importing and exporting questions: GIFT, Open Trivia DB and our quiz JSON.

Plain Python: no Flask, no database. Imports are all-or-nothing: a parser reports every problem
it finds, with its line, and callers store nothing unless the result has none.
"""

from quizapp.interchange.gift import export_gift, parse_gift
from quizapp.interchange.opentdb import parse_opentdb
from quizapp.interchange.quizjson import (
    ArticleData,
    FactData,
    QuestionData,
    QuizDocument,
    document_from_quiz,
    export_quiz_json,
    parse_quiz_json,
)
from quizapp.interchange.records import (
    ImportResult,
    Problem,
    QuestionRecord,
    check_record,
    record_from_question,
)

__all__ = [
    "ArticleData",
    "FactData",
    "ImportResult",
    "Problem",
    "QuestionData",
    "QuestionRecord",
    "QuizDocument",
    "check_record",
    "document_from_quiz",
    "export_gift",
    "export_quiz_json",
    "parse_gift",
    "parse_opentdb",
    "parse_quiz_json",
    "record_from_question",
]
