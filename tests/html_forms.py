"""The forms of a page as a browser would submit them untouched: action, method, encoding, and
each field's current value (checked boxes and radios, the selected option, text areas)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin


@dataclass
class Form:
    action: str
    method: str
    multipart: bool
    fields: list[tuple[str, str]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)  # every field, sent or not (unticked boxes)
    files: set[str] = field(default_factory=set)


class _FormParser(HTMLParser):
    def __init__(self, page_path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms: list[Form] = []
        self.by_id: dict[str, Form] = {}
        self.detached: list[tuple[str, str | None, str | None]] = []  # form id, name, value
        self.current: Form | None = None
        self.select: tuple[str, list[tuple[str, bool]]] | None = None
        self.textarea: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.current = Form(
                action=urljoin(self.page_path, a.get("action") or self.page_path),
                method=(a.get("method") or "get").upper(),
                multipart=a.get("enctype") == "multipart/form-data",
            )
            self.forms.append(self.current)
            if a.get("id"):
                self.by_id[a["id"]] = self.current
        if tag == "option" and self.select is not None:
            self.select[1].append((a.get("value", ""), "selected" in a))
        name = a.get("name")
        if not name:
            return
        if tag == "input":
            self._input(a, name)
        elif tag == "select":
            self.select = (name, [])
        elif tag == "textarea":
            self.textarea = (name, [])

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.textarea[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.current = None
        elif tag == "select" and self.select is not None:
            name, options = self.select
            chosen = next(
                (v for v, selected in options if selected), options[0][0] if options else ""
            )
            self._add(name, chosen)
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, parts = self.textarea
            self._add(name, "".join(parts).removeprefix("\n"))
            self.textarea = None

    def _input(self, a: dict[str, str], name: str) -> None:
        kind = a.get("type", "text").lower()
        if kind in {"submit", "button", "reset", "image"}:
            return
        if a.get("form"):
            sent = (
                a.get("value", "on")
                if "checked" in a or kind not in {"checkbox", "radio"}
                else None
            )
            self.detached.append((a["form"], name, sent))
            return
        if self.current is None:
            return
        if kind == "file":
            self.current.files.add(name)
            self.current.names.add(name)
        elif kind in {"checkbox", "radio"}:
            self.current.names.add(name)
            if "checked" in a:
                self.current.fields.append((name, a.get("value", "on")))
        else:
            self._add(name, a.get("value", ""))

    def _add(self, name: str, value: str) -> None:
        if self.current is not None:
            self.current.names.add(name)
            self.current.fields.append((name, value))


def forms_in(html: str, page_path: str) -> list[Form]:
    """Every form of the page, with fields that name their form by id (`form="…"`) joined to it."""
    parser = _FormParser(page_path)
    parser.feed(html)
    parser.close()
    for form_id, name, value in parser.detached:
        owner = parser.by_id.get(form_id)
        if owner is not None and name:
            owner.names.add(name)
            if value is not None:
                owner.fields.append((name, value))
    return parser.forms
