"""Named projects, programmes, campaigns and initiatives.

A project is a quoted name followed (possibly after one or two adjectives)
by a project word in any case form: «"Кедергісіз келешек" жобасы»,
«"Еңбек" мемлекеттік бағдарламасы аясында», «"Баланы мектепке дайындайық!"
акциясын». The name is what stands inside the quotes. A quoted name followed
by an organisation head («"Бақытты отбасы" әлеуметтік қолдау орталығы») is
not a project.

>>> [(h.name, h.kind) for h in find_projects("«Еңбек» мемлекеттік бағдарламасы аясында «Іскер ана» жобасына")]
[('Еңбек', 'бағдарлама'), ('Іскер ана', 'жоба')]

A quoted name that ends in its own kind word and is followed by «аясында» / «шеңберінде»
(within) is a project too: «"Өңірлік жұмыспен қамту картасы" аясында».

>>> [(h.name, h.kind) for h in find_projects("«Өңірлік жұмыспен қамту картасы» аясында 94 жоба")]
[('Өңірлік жұмыспен қамту картасы', 'жол картасы')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: project word stem → kind (the nominative, unpossessed lemma)
KINDS: tuple[tuple[str, str], ...] = (
    ("жол карта", "жол картасы"), ("жоба", "жоба"), ("бағдарлама", "бағдарлама"),
    ("акция", "акция"), ("бастама", "бастама"), ("науқан", "науқан"),
    ("марафон", "марафон"), ("челлендж", "челлендж"), ("байқау", "байқау"),
)
_KIND_RE = "|".join(re.escape(k) for k, _ in KINDS)
_PROJECT = re.compile(
    r"[«\"“]([^«»\"“”\n]{2,80}?)[»\"”]"           # the quoted name
    r"((?:\s+[а-яәғқңөұүһі-]+(?:тық|тік|лық|лік|дық|дік|ғы|гі|қы|кі|ді|ды|лы|лі|ті|ты|сы|сі|ы|і)){0,2}?)"
    r"\s+(" + _KIND_RE + r")[а-яәғқңөұүһі]*",
    re.IGNORECASE,
)


#: «"Өңірлік жұмыспен қамту картасы" аясында»: the kind word inside the quotes, then «within»
_NAMED_KIND = re.compile(
    r"[«\"“]([^«»\"“”\n]{2,80}?\s(картасы|бағдарламасы|жобасы))[»\"”]\s+(?:аясында|шеңберінде)")
_KIND_OF_WORD = {"картасы": "жол картасы", "бағдарламасы": "бағдарлама", "жобасы": "жоба"}


@dataclass(frozen=True)
class ProjectHit:
    """One project mention: name inside the quotes, kind, offsets of the whole phrase."""

    name: str
    kind: str
    start: int
    end: int


def _kind(word: str) -> str:
    low = word.lower()
    return next(k for stem, k in KINDS if low.startswith(stem))


def normalise_project_name(name: str) -> str:
    """Trim spaces and stray punctuation from a quoted name (keeps «!» and «?»).

    >>> normalise_project_name("  Баланы мектепке дайындайық! ")
    'Баланы мектепке дайындайық!'
    """
    return re.sub(r"\s+", " ", name).strip(" ,.;:-–")


def find_projects(text: str, start: int = 0, end: int | None = None) -> list[ProjectHit]:
    """Project mentions in ``text[start:end]`` with article offsets."""
    stop = len(text) if end is None else end
    hits: list[ProjectHit] = []
    for m in _PROJECT.finditer(text, start, stop):
        name = normalise_project_name(m.group(1))
        if not name or not any(c.isalpha() for c in name):
            continue
        hits.append(ProjectHit(name, _kind(m.group(3)), m.start(), m.end()))
    for m in _NAMED_KIND.finditer(text, start, stop):
        if not any(h.start <= m.start() < h.end for h in hits):
            hits.append(ProjectHit(normalise_project_name(m.group(1)), _KIND_OF_WORD[m.group(2)],
                                   m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


_KIND_AFTER = re.compile(r"^[»\"”]?(?:\s+[^\s«»]+){0,2}?\s+(?:" + _KIND_RE + r")", re.IGNORECASE)


def plausible_project_mention(text: str, start: int, end: int) -> bool:
    """Keep a model's PROJECT mention only where the spec would call it a project:
    a quoted name followed (within two words) by жоба / бағдарлама / акция / … .

    KazNERD also tags unquoted social schemes («атаулы әлеуметтік көмек») as
    PROJECT; the spec does not count those.

    >>> t = "«Іскер ана» жобасы мен атаулы әлеуметтік көмек"
    >>> plausible_project_mention(t, 1, 10), plausible_project_mention(t, 23, 47)
    (True, False)
    """
    quoted = start > 0 and text[start - 1] in "«\"“" or text[start:start + 1] in ("«", '"', "“")
    return bool(quoted and _KIND_AFTER.match(text[end:end + 60]))
