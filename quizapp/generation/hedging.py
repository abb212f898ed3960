"""Whether a statement is only reported, rumoured or guessed at."""

from __future__ import annotations

import regex

HEDGE_CUES = regex.compile(
    r"\b(?:reportedly|rumou?r(?:s|ed)?|allegedly|supposedly|possibly|potential(?:ly)?|perhaps|"
    r"may|might|could|would|in\s+talks|in\s+negotiations?|negotiat\w+|up\s+for|circling|eyed|"
    r"eyeing|wish\s?lists?|screen[- ]test\w*|testing\s+for|in\s+the\s+running|frontrunners?|"
    r"front-runners?|speculat\w+|unconfirmed|not\s+(?:yet\s+)?(?:been\s+)?confirmed|"
    r"(?:has|have|had)n[’']t\s+(?:yet\s+)?been\s+confirmed|can\s+be\s+deduced|deduce|"
    r"it\s+seems|appears\s+to|looks\s+like|likely|unlikely|unclear|unknown\s+if|if|whether|"
    r"hopes?\s+to|expected\s+to|considering|considered\s+for|tipped|mooted|"
    r"being\s+thrown\s+around|being\s+mentioned|(?:is|are|was|were)\s+(?:\w+\s+)?said\s+to|"
    r"said\s+to\s+be|in\s+the\s+mix|in\s+contention|keen\s+to\s+rope\s+in|approached)\b",
    regex.IGNORECASE,
)
# A hedge that reaches back over the whole sentence: "…, but this has not been confirmed."
SENTENCE_HEDGE = regex.compile(
    r"\b(?:but|though|although)\s+(?:this|that|it)\s+(?:has|is|was)\s*(?:not|n[’']t)\s+"
    r"(?:yet\s+)?(?:been\s+)?(?:confirmed|official|verified)",
    regex.IGNORECASE,
)
CLAUSE_BREAK = regex.compile(
    r";|:\s|\s[—–]\s|\s--\s|,?\s+(?:but|though|although|while|whereas|however)\s|"
    r"^(?:In\s+addition\s+to|Besides|Along\s+with|Aside\s+from|After|Before|Following|Unlike|"
    r"Like|Despite)\b[^,]*,",
    regex.IGNORECASE,
)


def clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    """The clause of `sentence` around `position` (offsets within the sentence)."""
    start, end = 0, len(sentence)
    for match in CLAUSE_BREAK.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() <= position:  # inside a fronted phrase: that phrase is the clause
            return match.start(), match.end()
        else:
            end = match.start()
            break
    return start, end


def is_hedged(sentence: str, position: int, end_position: int | None = None) -> bool:
    """Hedged when the sentence hedges as a whole or a cue stands in the statement's clause."""
    if SENTENCE_HEDGE.search(sentence):
        return True
    start, end = clause_bounds(sentence, position)
    if end_position is not None:
        end = max(end, clause_bounds(sentence, end_position)[1])
    return bool(HEDGE_CUES.search(sentence, start, end))
