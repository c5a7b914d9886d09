"""Mentions → canonical entities of one article: people, organisations, places, projects, posts.

Rules find every construction on their own (``mentions`` may be empty); NER
mentions (PERSON, ORGANISATION, PROJECT) only add what the rules missed.

Posts over a territory («Алматы қаласының әкімі», «Облыс әкімі») point
``organisation_key`` at the territory's :class:`Place` (so the post reads
«Алматы қаласы», spec §1); the akim of a district, city or region also adds the
akimat («Алматы қаласы әкімдігі») to the organisations (issue 11; a settlement's or rural
okrug's akim adds none). Use :meth:`Entities.name_of` to read either kind of key.

>>> text = "Алматы қаласының әкімі Бақытжан Сағынтаев кездесті. Сағынтаевтың айтуынша, жоспар орындалды."
>>> ents = extract_entities(text, [], [])
>>> [p.name for p in ents.people], len(ents.people[0].mentions)
(['Бақытжан Сағынтаев'], 2)
>>> [(p.position, ents.name_of(p.organisation_key)) for p in ents.posts]
[('әкімі', 'Алматы қаласы')]
>>> find_person_by_name(ents, "Сағынтаев"), find_person_by_post(ents, "қала әкімі")
('baqytjan-sagyntaev', 'baqytjan-sagyntaev')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.post_links import link_posts, main_place
from kg.extract.projects import find_projects
from kg.model import Mention, Organisation, Person, Place, Post, Project, Sentence
from kg.normalise.morph import tokenize
from kg.normalise.ner_names import ner_names
from kg.normalise.org_resolver import OrgResolver
from kg.normalise.orgs import OrgHit, find_orgs, position_of
from kg.normalise.outlets import find_outlets
from kg.normalise.people import (
    NameHit,
    find_names,
    given_with_patronymic,
    is_patronymic,
    surname_lemma,
)
from kg.normalise.places import REGIONS, find_places
from kg.normalise.translit import slug, translit

__all__ = ["Entities", "extract_entities", "find_person_by_name", "find_person_by_post"]


@dataclass
class Entities:
    """Everything :func:`extract_entities` found in one article."""

    people: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)

    def name_of(self, key: str | None) -> str | None:
        """The name of an organisation, place, person or project key."""
        for group in (self.organisations, self.places, self.people, self.projects):
            for e in group:
                if e.key == key:
                    return e.name
        return None


def _sentence_spans(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    if sentences:
        return [(s.start, s.end) for s in sentences]
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for cut in _SENT_CUT.finditer(line.group()):
            spans.append((start, line.start() + cut.start()))
            start = line.start() + cut.end()
        spans.append((start, line.end()))
    return spans


_SENT_CUT = re.compile(r"(?<!\b[А-ЯӘҒҚҢӨҰҮІA-Z]\.)(?<=[.!?])\s+(?=[«\"А-ЯӘҒҚҢӨҰҮІA-Z0-9–-])")


def _resolve_people(text: str, hits: list[NameHit], extra_given: set[str] | None = None
                    ) -> tuple[list[Person], dict[int, str]]:
    """People from name hits; returns persons and a map hit-start → person key.

    A surname known only from initials («М.Оспанова») takes the given name the
    article introduces with a patronymic («Мәдина Ерланқызы») when exactly one
    such given name has that initial.
    """
    people: dict[str, Person] = {}
    by_surname: dict[str, list[str]] = {}
    owner: dict[int, str] = {}
    full = {(h.given, h.surname) for h in hits if h.given and not is_patronymic(h.surname)}
    address: dict[tuple[str, str], str] = {}  # «– Ерлан Серікұлы, …»: the person addressed
    for h in hits:
        if h.given and is_patronymic(h.surname):
            same = {sur for g, sur in full if g == h.given}
            if len(same) == 1:
                address[(h.given, h.surname)] = slug(f"{h.given} {same.pop()}")
    for h in hits:
        if h.given is None or (h.given, h.surname) in address:
            continue
        name = f"{h.given} {h.surname}"
        key = slug(name)
        if key not in people:
            people[key] = Person(key=key, name=name, latin=translit(name))
            by_surname.setdefault(h.surname, []).append(key)
    for h in hits:
        if h.given is None and h.initial and h.surname not in by_surname:
            fits = [g for g in extra_given or () if g[:1] == h.initial[:1]]
            if len(fits) == 1:
                hits[hits.index(h)] = h = NameHit(h.surname, fits[0], h.start, h.end, h.first,
                                                  h.last, h.initial)
                name = f"{h.given} {h.surname}"
                people[slug(name)] = Person(key=slug(name), name=name, latin=translit(name))
                by_surname.setdefault(h.surname, []).append(slug(name))
    for h in hits:
        mention = Mention(h.start, h.end, text[h.start:h.end], "PERSON", "rules")
        if h.given is not None:
            key = address.get((h.given, h.surname)) or slug(f"{h.given} {h.surname}")
        else:
            cands = by_surname.get(h.surname, [])
            if h.initial:
                cands = [k for k in cands if people[k].name[:1] == h.initial[:1]] or cands
            if cands:
                key = cands[0] if len(cands) == 1 else _nearest(cands, people, h.start)
            else:
                if not h.initial and (h.surname in _NOT_SURNAMES or not re.search(
                        r"(?:ов|ев|ова|ева|ұлы|қызы)$", h.surname)):
                    continue
                # «А.Е.Мусин»: each initial keeps its dot
                name = "".join(f"{c}." for c in h.initial) + h.surname if h.initial \
                    else h.surname
                key = slug(name)
                if key not in people:
                    people[key] = Person(key=key, name=name, latin=translit(name))
                    by_surname.setdefault(h.surname, []).append(key)
        people[key].mentions.append(mention)
        owner[h.start] = key
    for p in people.values():
        p.mentions.sort(key=lambda m: m.start)
    order = sorted(people.values(), key=lambda p: p.mentions[0].start if p.mentions else 0)
    return order, owner


#: capitalised words with a surname ending that are not people
_NOT_SURNAMES = frozenset({"Киев", "Ростов", "Львов", "Саратов", "Кишинев", "Тамбов", "Молдова",
                           "Иваново", "Гродно", "Карантин"})


def _nearest(cands: list[str], people: dict[str, Person], start: int) -> str:
    def dist(k: str) -> int:
        return min((abs(m.start - start) for m in people[k].mentions), default=10**9)
    return min(cands, key=dist)


def extract_entities(text: str, sentences: list[Sentence], mentions: list[Mention]) -> Entities:
    """Canonical entities of one article from its body sentences (and NER mentions)."""
    spans = _sentence_spans(text, sentences)
    sent_toks = [tokenize(text, s, e) for s, e in spans]
    name_hits: list[NameHit] = []
    stops: list[set[int]] = []
    extra = {g for toks in sent_toks for g in given_with_patronymic(toks)}
    # «Тегтер: …, Ертіс Металл» after «"Ертіс Металл" АҚ»: a name the text quotes is a body's
    quoted = set(re.findall(r"[«\"“]([^«»\"“”]{3,60})[»\"”]", text))
    for toks in sent_toks:
        hits = [h for h in find_names(toks, extra) if text[h.start:h.end] not in quoted]
        name_hits.extend(hits)
        stops.append({i for h in hits for i in range(h.first, h.last + 1)})
    name_hits += [h for h in ner_names(text, mentions, [(h.start, h.end) for h in name_hits])
                  if text[h.start:h.end] not in quoted]
    name_hits.sort(key=lambda h: h.start)
    people, owner = _resolve_people(text, name_hits, extra)

    places: dict[str, Place] = {}
    for toks in sent_toks:
        for ph in find_places(toks):
            key = slug(ph.name)
            pl = places.setdefault(key, Place(key=key, name=ph.name, latin=translit(ph.name)))
            pl.mentions.append(Mention(ph.start, ph.end, ph.text, "GPE", "rules"))

    org_hits: list[OrgHit] = []
    model_spans = {m.end: m.start for m in mentions if m.label == "ORGANISATION"}
    for toks, stop in zip(sent_toks, stops, strict=True):
        org_hits.extend(find_orgs(text, toks, stop, model_spans))
    org_hits.extend(find_outlets(text, spans))
    region, city = _article_territory(places)
    districts = [p.name for p in places.values() if p.name.endswith(" ауданы")]
    resolver = OrgResolver(text, org_hits, mentions, region=region, city=city,
                           district=districts[0] if len(districts) == 1 else None)

    projects = _projects(text, spans, mentions)
    posts = link_posts(text, sent_toks, name_hits, owner, resolver, places)
    resolver.link_akimats()
    resolver.link_branches()
    resolver.link_offices()
    return Entities(people=people, organisations=resolver.organisations(),
                    places=list(places.values()), projects=projects, posts=posts)


def _projects(text: str, spans: list[tuple[int, int]], mentions: list[Mention]
              ) -> list[Project]:
    out: dict[str, Project] = {}
    for s, e in spans:
        for h in find_projects(text, s, e):
            key = slug(h.name)
            pr = out.setdefault(key, Project(key=key, name=h.name, kind=h.kind,
                                             latin=translit(h.name)))
            pr.mentions.append(Mention(h.start, h.end, text[h.start:h.end], "PROJECT", "rules"))
    for m in mentions:
        if m.label != "PROJECT":
            continue
        name = m.text.strip("«»\"“” ") or text[m.start:m.end].strip("«»\"“” ")
        if len(name) < 3 or any(p.name in name or name in p.name for p in out.values()):
            continue
        key = slug(name)
        out.setdefault(key, Project(key=key, name=name, latin=translit(name))
                       ).mentions.append(m)
    return list(out.values())


def _article_territory(places: dict[str, Place]) -> tuple[str | None, str | None]:
    """The article's region and city: the most mentioned ones; a regional centre implies
    its region («Қызылорда қаласы» → «Қызылорда облысы»)."""
    region = main_place(places, " облысы")
    city = main_place(places, " қаласы")
    if region is not None:
        return region.name, city.name if city else None
    if city is None:
        return None, None
    bare = city.name.rsplit(" ", 1)[0]
    centre = next((r for r, (_, c, _) in REGIONS.items() if c == bare and r.startswith(bare)),
                  None)
    return centre, city.name


def find_person_by_name(ents: Entities, name_fragment: str) -> str | None:
    """Key of the person whose name or surname matches (any case form)."""
    frag = name_fragment.strip()
    for p in ents.people:
        if p.name == frag:
            return p.key
    words = frag.split()
    last = words[-1] if words else ""
    sur = surname_lemma(last) or last
    if "." in sur:
        sur = sur.split(".")[-1]
    for p in ents.people:
        if p.name.split()[-1] == sur or p.name.split()[-1] == surname_lemma(sur):
            return p.key
    return None


def find_person_by_post(ents: Entities, phrase: str) -> str | None:
    """Key of the person holding the post named by ``phrase`` («басқарма басшысының орынбасары»).

    The last position noun must match; words before it (organisation, territory)
    break ties by overlap with the post's organisation name.
    """
    words = [w for w in re.findall(r"[\w-]+", phrase.lower())]
    if not words:
        return None
    want = position_of(words[-1]) or words[-1]
    best: tuple[int, str] | None = None
    for post in ents.posts:
        pw = post.position.lower().split()
        if not pw or (position_of(pw[-1]) or pw[-1]) != want:
            continue
        org = (ents.name_of(post.organisation_key) or "").lower()
        score = sum(1 for w in words[:-1] if w[:4] in org or w[:4] in post.position.lower())
        if len(pw) > 1 and len(words) > 1 and (position_of(pw[-2]) or "") == (
                position_of(words[-2]) or "x"):
            score += 2
        if best is None or score > best[0]:
            best = (score, post.person_key)
    return best[1] if best else None

