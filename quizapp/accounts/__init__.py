"""Accounts: users and their roles, signing in, and the first-run setup of the admin.

Plain Python over a session; the views and the CLI call these.
"""

from quizapp.accounts.setup import (
    SETUP_TOKEN_FILE,
    first_to_announce,
    forget_setup_token,
    setup_token,
    setup_token_matches,
)
from quizapp.accounts.users import (
    EMAIL,
    AccountError,
    admin_exists,
    authenticate,
    create_user,
    normalise_email,
)

__all__ = [
    "EMAIL",
    "SETUP_TOKEN_FILE",
    "AccountError",
    "admin_exists",
    "authenticate",
    "create_user",
    "first_to_announce",
    "forget_setup_token",
    "normalise_email",
    "setup_token",
    "setup_token_matches",
]
