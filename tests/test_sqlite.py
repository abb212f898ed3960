"""Every SQLite connection is set up alike: foreign keys enforced, WAL, commits synced at
checkpoints."""

from __future__ import annotations

from sqlalchemy.orm import Session

SYNCHRONOUS_NORMAL = 1


def test_sqlite_connections_enforce_foreign_keys_and_use_the_write_ahead_log(
    session: Session,
) -> None:
    pragma = session.connection().exec_driver_sql
    assert pragma("PRAGMA foreign_keys").scalar() == 1
    assert pragma("PRAGMA journal_mode").scalar() == "wal"
    assert pragma("PRAGMA synchronous").scalar() == SYNCHRONOUS_NORMAL
