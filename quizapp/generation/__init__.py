"""Article text → facts → question drafts. Plain Python: no Flask, no database.

The article is read in layers: its layout (document.py: headings and list entries; credits.py:
labelled credits blocks), its names (entities.py), the relations its sentences state
(masking.py, patterns.py, extract.py), and for each fact the film it is about, for a stated
reason (context.film_for). refine.py tidies the facts; questions.py and drafting.py ask them.
"""

from quizapp.generation.extract import NotAFilmArticle, extract_facts
from quizapp.generation.questions import generate_questions
from quizapp.generation.types import ChoiceDraft, Fact, QuestionDraft

__all__ = [
    "ChoiceDraft",
    "Fact",
    "NotAFilmArticle",
    "QuestionDraft",
    "extract_facts",
    "generate_questions",
]
