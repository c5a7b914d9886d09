"""Shared test helpers (imported by the test modules; pytest puts tests/ on sys.path)."""

from __future__ import annotations

import re

from kg.model import Mention, Person


def person(text: str, key: str, name: str, *forms: str) -> Person:
    """A Person whose mentions are every occurrence of ``forms`` (default: the name);
    an occurrence inside an inflected word ends at the stem, like an NER span."""
    mentions: list[Mention] = []
    taken: set[int] = set()
    for form in sorted(forms or (name,), key=len, reverse=True):
        for m in re.finditer(re.escape(form), text):
            if not taken & set(range(m.start(), m.end())):
                taken |= set(range(m.start(), m.end()))
                mentions.append(Mention(start=m.start(), end=m.end(), text=form, label="PERSON"))
    return Person(key=key, name=name, mentions=sorted(mentions, key=lambda x: x.start))


def reporters_of(text: str) -> dict[str, str | None]:
    """Each figure's text → its reporter's name (or None), from the whole rules pipeline."""
    from kg.model import Article
    from kg.pipeline import extract

    ex = extract(Article(id="t", text=text))
    names = {p.key: p.name for p in ex.people}
    return {f.text: names.get(f.reporter_key or "") for f in ex.figures}
