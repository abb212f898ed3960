"""Reading an article file as text, refusing what would make a meaningless quiz."""

from __future__ import annotations

from pathlib import Path


class ArticleFileError(ValueError):
    """An article file that cannot be read as text; the message names the file and the reason."""


def load_article_file(path: str | Path) -> str:
    """Read an article as UTF-8 text, refusing anything that would make a meaningless quiz."""
    path = Path(path)
    if not path.exists():
        raise ArticleFileError(f"{path}: no such file")
    if path.is_dir():
        raise ArticleFileError(f"{path}: is a folder, not an article file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleFileError(f"{path}: cannot be read ({error.strerror})") from error
    if b"\0" in data:
        raise ArticleFileError(f"{path}: looks like a binary file, not article text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleFileError(
            f"{path}: is not UTF-8 text (undecodable byte at offset {error.start})"
        ) from error
    if not text.strip():
        raise ArticleFileError(f"{path}: is empty")
    return text
