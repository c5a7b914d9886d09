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


def read_entities(text: str, mentions: list[Mention] | None = None
                  ) -> tuple[dict[str, str | None], set[tuple[str, str | None]], set[str],
                             set[tuple[str, str, str | None]]]:
    """The rules' entities of ``text`` (with ``mentions`` as the NER's, default none):
    organisations (name → parent's name), posts (position, organisation), people's names,
    and posts with their holder (name, position, organisation)."""
    from kg.extract.entities import extract_entities

    ents = extract_entities(text, [], mentions or [])
    org = {o.key: o.name for o in ents.organisations}
    who = {p.key: p.name for p in ents.people}
    return ({o.name: org.get(o.parent_key) for o in ents.organisations},
            {(p.position, org.get(p.organisation_key)) for p in ents.posts},
            set(who.values()),
            {(who.get(p.person_key, ""), p.position, org.get(p.organisation_key))
             for p in ents.posts})


def orgs_of(text: str) -> dict[str, str | None]:
    """Organisation name → its parent's name (or None), from the rules alone."""
    return read_entities(text)[0]


def reporters_of(text: str) -> dict[str, str | None]:
    """Each figure's text → its reporter's name (or None), from the whole rules pipeline."""
    from kg.model import Article
    from kg.pipeline import extract

    ex = extract(Article(id="t", text=text))
    names = {p.key: p.name for p in ex.people}
    return {f.text: names.get(f.reporter_key or "") for f in ex.figures}
