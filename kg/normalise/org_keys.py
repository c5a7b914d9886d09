"""Organisation names compared: cross-article keys and the word forms variants match on.

Split from :mod:`kg.normalise.org_resolver` (which merges an article's mentions):
:func:`org_key` (the slug of :func:`~kg.normalise.orgs.org_match_key`, long names cut at
:data:`KEY_CUT` and ended by a short hash), and the helpers that tell whether two names
are variants of one body (territorial adjectives, generic words, quoted names, heads).
"""

from __future__ import annotations

import hashlib
import re

from kg.normalise.org_words import HEADS, LEGAL_FORMS
from kg.normalise.orgs import BARE_HEADS, GENERIC, OrgHit, org_match_key
from kg.normalise.places import _ABBREV


def org_key(name: str) -> str:
    """Cross-article key: slug of :func:`org_match_key`; long names end in a short hash.

    >>> org_key("«AMANAT» партиясы")
    'amanat-partiiasy'
    >>> len(org_key("ҚР Еңбек және халықты әлеуметтік қорғау министрлігі " * 3)) <= 80
    True
    """
    from kg.normalise.translit import slug

    full = slug(" ".join(_words(name)), max_len=1000)
    if len(full) <= 80:
        return full
    digest = hashlib.sha1(full.encode()).hexdigest()[:8]
    return full[:KEY_CUT].rstrip("-") + "-" + digest


#: where :func:`org_key` cuts a long name's slug (a key this long or longer may be cut short)
KEY_CUT = 71


def _words(name: str) -> list[str]:
    words = [BARE_HEADS.get(w, w) for w in org_match_key(name).split()
             if w not in ("партия", "және")]
    while len(words) > 1 and words[0] in GENERIC:
        words = words[1:]
    return words


_LEGAL_LOWER = frozenset(f.lower() for f in LEGAL_FORMS)


def _head_word(name: str) -> str | None:
    """The head noun of a name, past a legal form that ends it.

    >>> _head_word("«Тараз қалалық көпбейінді ауруханасы» ШЖҚ МКК"), _head_word("«Ақ бидай» ЖШС")
    ('ауруханасы', 'жшс')
    """
    words = _words(name)
    core = _without_legal_forms(words)
    if len(core) < len(words) and core[-1] not in HEADS:
        return words[-1]  # «"Ақ бидай" ЖШС»: the legal form is the head
    return core[-1] if words else None


def _without_legal_forms(words: list[str]) -> list[str]:
    """The words before the legal forms that end a name (at least one word is kept)."""
    k = len(words)
    while k > 1 and words[k - 1] in _LEGAL_LOWER:
        k -= 1
    return words[:k]


_TERR_ADJ = {"облыстық": "облысы", "өңірлік": "облысы", "қалалық": "қаласы",
             "аудандық": "ауданы",
             # «Сәтбаев қаласындағы жұмыспен қамту орталығы» = «"Сәтбаев қалалық …" КММ»
             "облысындағы": "облысы", "қаласындағы": "қаласы", "ауданындағы": "ауданы"}


def _cmp(name: str) -> list[str]:
    """Words for matching variants: «облыстық» = «облысы» («БҚО» is expanded to it)."""
    return [_TERR_ADJ.get(w, w) for w in _words(name)]


def _variant(a: list[str], b: list[str]) -> bool:
    """``a`` is ``b`` with generic words left out («… жөніндегі [өңірлік] қоғамдық кеңесі»)."""
    if len(a) >= len(b) or a[-1:] != b[-1:] or len([w for w in a if w not in GENERIC]) < 3:
        return False
    it = iter(b)
    if not all(any(w == x for x in it) for w in a):
        return False
    extra = list(b)
    for w in a:
        extra.remove(w)
    return all(w in GENERIC for w in extra)


def _rank(h: OrgHit) -> tuple[int, int, int]:
    """Which variant names an organisation: most specific words, fewest abbreviations, first."""
    words = _cmp(h.name)
    abbrevs = sum(1 for w in re.findall(r"[\w-]+", h.name) if w in _ABBREV)
    return -len([w for w in words if w not in GENERIC]), abbrevs, h.start


#: a quoted name inside an organisation's name: «…», "…", “…”
QUOTED = re.compile(r"[«\"“]([^»\"”]*)[»\"”]")


def _quoted(name: str) -> str | None:
    m = next((m for m in QUOTED.finditer(name) if m.group(1)), None)
    return m.group(1).lower() if m else None


def _compatible(a: str, b: str) -> bool:
    """Whether two names with the same quoted name and head can be one body: the capitalised
    words outside the quotes of one are all in the other («"AMANAT" партиясы Байзақ аудандық
    филиалы» is not «"AMANAT" партиясы Жамбыл облыстық филиалы»).

    >>> _compatible("«AMANAT» партиясы Байзақ аудандық филиалы", "«AMANAT» партиясы Жамбыл облыстық филиалы")
    False
    >>> _compatible("«Nur Otan» партиясының филиалы", "«Nur Otan» партиясы Жамбыл облыстық филиалы")
    True
    """
    def outside(name: str) -> set[str]:
        bare = QUOTED.sub(" ", name)
        return {w.lower() for w in re.findall(r"[\w-]+", bare) if w[:1].isupper()}
    x, y = outside(a), outside(b)
    return x <= y or y <= x


def _territory(name: str) -> tuple[str | None, str | None]:
    """The territory level («облысы», «қаласы», «ауданы») a body's name puts it in, and the place.

    >>> _territory("БҚО білім басқармасы"), _territory("облыстық білім басқармасы")
    (('облысы', 'Батыс Қазақстан облысы'), ('облысы', None))
    >>> _territory("Семей қаласы білім бөлімі"), _territory("Жер қатынастары басқармасы")
    (('қаласы', 'Семей қаласы'), (None, None))
    """
    words = re.findall(r"[\w-]+", name)
    for i, w in enumerate(words):
        if w in _ABBREV:
            return "облысы", _ABBREV[w]
        if w in ("облысы", "қаласы", "ауданы") and i > 0 and words[i - 1][:1].isupper():
            start = i - 1
            while start > 0 and words[start - 1][:1].isupper():
                start -= 1
            return w, " ".join(words[start:i + 1])
        if w.lower() in _TERR_ADJ:
            return _TERR_ADJ[w.lower()], None
    return None, None
