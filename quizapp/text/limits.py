"""How long each stored text may be: one number per limit, for the columns that hold it, the
forms that take it, the importers that check it and the pages that say it.

Plain constants, so that every layer (models, interchange, play, forms, CLI) can share them.
"""

from __future__ import annotations

TITLE_MAX = 300  # an article's or a quiz's title
URL_MAX = 2000  # an article's address
SLUG_MAX = 120  # a quiz's address name, with room for a "-2" suffix
SLUG_STEM_MAX = 100  # the part of a slug made from the title
FACT_TEXT_MAX = 300  # a fact's subject and value
QUALIFIER_MAX = 100  # a fact's qualifier ("returning", "cause", ...)
SENTENCE_INDEX_MAX = 100_000  # a fact's sentence number in an imported article
ANSWER_MAX = 300  # an option, a correct answer, a typed answer
PROMPT_MAX = 1000  # a question's text, in the editor
EXPLANATION_MAX = 2000  # a question's explanation, in the editor
DESCRIPTION_MAX = 2000  # a quiz's description, in the builder
NICKNAME_MIN, NICKNAME_MAX = 2, 24  # a player's nickname
EMAIL_MAX = 254  # an account's email (RFC 5321)
PASSWORD_MIN = 10  # an account's password
PAGE_MAX_BYTES = 2_000_000  # a fetched or uploaded article page, or an imported file


def describe_bytes(limit: int) -> str:
    """A byte limit as people say it: "2 MB", "100 kB"."""
    return f"{limit / 1_000_000:g} MB" if limit >= 1_000_000 else f"{limit / 1000:g} kB"
