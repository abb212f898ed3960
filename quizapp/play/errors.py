"""What play rules refuse: the errors starting, answering and finishing raise, whose message is
shown to the player."""

from __future__ import annotations


class PlayError(Exception):
    """A request that play rules refuse; the message is shown to the player."""


class AttemptOver(PlayError):
    pass


class NotCurrentQuestion(PlayError):
    pass


class EmptyAnswer(PlayError):
    pass


class UnknownOption(PlayError):
    pass


class EmptyQuiz(PlayError):
    pass
