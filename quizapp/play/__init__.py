"""Playing quizzes: attempts, scoring and leaderboards, in plain Python over a SQLAlchemy session.

Nothing here knows about Flask requests; the views pass in the session, the player and `now`.
"""
