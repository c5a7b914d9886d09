"""Kazakh nominal morphology: strip case, possessive and plural endings.

Kazakh is agglutinative: a noun or a name takes suffixes in the order
stem + plural + possessive + case, and the suffix's first consonant and vowel
follow the stem (vowel harmony, voicing). This module removes those endings
without a dictionary, validating each cut with a caller-supplied predicate
(for names: "does the remainder still look like a surname?").

Nouns with the 3rd-person possessive (``филиалы``, ``әкімдігі``,
``басқармасы``) take case endings through a buffer «н»: ``филиалының``,
``әкімдігіне``, ``басқармасын``, ``комитетінде``.

>>> strip_name("Сағынтаевтың")
'Сағынтаев'
>>> strip_name("Тұрсыновамен"), strip_name("Басированың")
('Тұрсынова', 'Басирова')
>>> strip_name("Жақсығалиұлына")
'Жақсығалиұлы'
>>> possessive_nominative("филиалының"), possessive_nominative("әкімдігіне")
('филиалы', 'әкімдігі')
>>> strip_case("Алатау ауданының".split()[1])
'ауданы'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

VOWELS = frozenset("аәеиоөұүыіэюяёуАӘЕИОӨҰҮЫІЭЮЯЁУ")
BACK_VOWELS = frozenset("аоұыяАОҰЫЯ")
FRONT_VOWELS = frozenset("әеөүіэӘЕӨҮІЭ")
_VOICELESS = frozenset("пфктсшщхцчқк")
_SONORANT_GEN = frozenset("мнң")

#: the genitive after a bare stem (the only shared copy: import it, do not retype it)
GENITIVE: tuple[str, ...] = ("ның", "нің", "дың", "дің", "тың", "тің")
#: the dative, ablative and instrumental after a bare stem
DATIVE: tuple[str, ...] = ("ға", "ге", "қа", "ке")
ABLATIVE: tuple[str, ...] = ("нан", "нен", "дан", "ден", "тан", "тен")
INSTRUMENTAL: tuple[str, ...] = ("мен", "бен", "пен")
#: case endings after a bare stem, longest first (genitive, dative, accusative,
#: locative, ablative, instrumental, locative-adjectival «-дағы»)
CASE_ENDINGS: tuple[str, ...] = (
    "ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі",
    *GENITIVE, *ABLATIVE, *INSTRUMENTAL, *DATIVE,
    "ны", "ні", "ды", "ді", "ты", "ті",
    "да", "де", "та", "те",
)
#: case endings after the 3rd-person possessive (stem ends in ы/і): buffer «н»
POSSESSIVE_CASE: tuple[str, ...] = (
    "ндағы", "ндегі", "ның", "нің", "нан", "нен", "нда", "нде", "мен",
    "на", "не", "н",
)
PLURAL_ENDINGS: tuple[str, ...] = ("лар", "лер", "дар", "дер", "тар", "тер")

_HYPHEN_CASE = re.compile(r"^(.+?)[-‐–](?:[а-яәғқңөұүһі]{1,5})$")


def is_back(word: str) -> bool:
    """Whether the last vowel of ``word`` is a back vowel.

    >>> is_back("Асанов"), is_back("Тоқаев")
    (True, False)
    """
    for ch in reversed(word):
        if ch in BACK_VOWELS:
            return True
        if ch in FRONT_VOWELS:
            return False
    return True


def _fits(stem: str, ending: str) -> bool:
    """Phonotactic check: may ``ending`` follow ``stem``?"""
    if not stem:
        return False
    last = stem[-1].lower()
    first = ending[0]
    if ending in ("а", "е"):  # bare dative only after a possessive
        return last in "ыі"
    if first == "н" and ending not in ("нан", "нен"):
        # genitive/accusative «н-» after vowels (and м, н, ң for the genitive)
        return last in VOWELS or (ending in ("ның", "нің") and last in _SONORANT_GEN)
    if ending in ("нан", "нен"):
        return last in "мнң" or last in "ыі"
    if first in "тқкп":
        return last in _VOICELESS or last in "бвгдв"
    if first in "дғгб" or first == "м":
        if first == "м":
            return True
        return last not in _VOICELESS
    return True


def strip_with(word: str, valid: Callable[[str], bool], endings: tuple[str, ...] = CASE_ENDINGS
               ) -> str:
    """Remove one case ending (and a plural before it) if the remainder is ``valid``.

    Returns ``word`` unchanged when it is already valid or no cut validates.

    >>> strip_with("Асановқа", lambda s: s.endswith("ов"))
    'Асанов'
    """
    m = _HYPHEN_CASE.match(word)
    if m and valid(m.group(1)):
        return m.group(1)
    if valid(word):
        return word
    low = word.lower()
    for end in endings:
        if low.endswith(end) and len(word) - len(end) >= 2:
            stem = word[: -len(end)]
            if _fits(stem, end) and valid(stem):
                return stem
    for end in POSSESSIVE_CASE:
        if low.endswith(end) and len(word) - len(end) >= 3:
            stem = word[: -len(end)]
            if stem[-1].lower() in "ыі" and valid(stem):
                return stem
    return word


_SURNAME_END = re.compile(
    r"(?:ов|ев|ёв|ова|ева|ёва|ин|ина|\w{3}ұлы|\w{3}қызы|енко|чук|щук|юк|ский|ская|цкий|цкая|ян|вич|вна)$",
    re.IGNORECASE,
)


def looks_like_surname(word: str) -> bool:
    """Whether a nominative word has a Kazakh/Russian surname ending.

    >>> looks_like_surname("Сапарбаев"), looks_like_surname("Басирова"), looks_like_surname("Алматы")
    (True, True, False)
    """
    return len(word) >= 4 and word[:1].isupper() and bool(_SURNAME_END.search(word))


def strip_name(word: str, valid: Callable[[str], bool] | None = None) -> str:
    """Nominative of an inflected surname/patronymic (or any name with ``valid``).

    >>> strip_name("Асановқа"), strip_name("Тоқаевтың"), strip_name("Мұқанова")
    ('Асанов', 'Тоқаев', 'Мұқанова')
    >>> strip_name("Қыдырбековтан"), strip_name("Ысқақоваға"), strip_name("Путинмен")
    ('Қыдырбеков', 'Ысқақова', 'Путин')
    """
    check = valid or looks_like_surname
    out = strip_with(word, check)
    if out == word and not check(word):
        # plural or possessive before the case: «Асановтар», «Асановтарға»
        for pl in PLURAL_ENDINGS:
            i = word.lower().rfind(pl)
            if i > 2 and check(word[:i]):
                return word[:i]
    return out


@functools.lru_cache(maxsize=1 << 16)
def possessive_nominative(word: str) -> str:
    """A 3rd-person-possessive noun in any case → its nominative (``…ы``/``…і``).

    >>> possessive_nominative("басқармасының"), possessive_nominative("министрлігінің")
    ('басқармасы', 'министрлігі')
    >>> possessive_nominative("комитетінде"), possessive_nominative("орталығын")
    ('комитеті', 'орталығы')
    >>> possessive_nominative("кеңесі")
    'кеңесі'
    """
    low = word.lower()
    if low.endswith(("ы", "і")):
        return word
    for end in POSSESSIVE_CASE:
        if low.endswith(end) and len(word) - len(end) >= 3:
            stem = word[: -len(end)]
            if stem[-1].lower() in "ыі":
                return stem
    return word


def strip_case(word: str, valid: Callable[[str], bool] | None = None) -> str:
    """Best-effort nominative of a common noun or a place word.

    Possessive nouns lose their case through the «н» buffer first; other words
    lose one case ending when the remainder keeps at least three letters.

    >>> strip_case("облысының"), strip_case("Астанада"), strip_case("Алматыда")
    ('облысы', 'Астана', 'Алматы')
    >>> strip_case("Қызылордадағы"), strip_case("қаласында")
    ('Қызылорда', 'қаласы')
    """
    if valid is not None:
        return strip_with(word, valid)
    pos = possessive_nominative(word)
    if pos != word:
        return pos
    m = _HYPHEN_CASE.match(word)
    if m and (m.group(1).isupper() or any(c.isdigit() for c in m.group(1))):
        return m.group(1)
    low = word.lower()
    for end in CASE_ENDINGS:
        if low.endswith(end) and len(word) - len(end) >= 3 and _fits(word[: -len(end)], end):
            return word[: -len(end)]
    return word


_TOKEN = re.compile(
    r"[0-9A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:[-‐.'’][0-9A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)*"
    r"|[«»\"“”„]|[^\s]"
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Words, quotes and punctuation of ``text[start:end]`` with article offsets.

    Hyphenated words and initials stay whole («Қасым-Жомарт», «Б.Сапарбаев»,
    «СҚО-да»).

    >>> [t for t, _, _ in tokenize("Б.Сапарбаев «AMANAT» партиясы, СҚО-да.")]
    ['Б.Сапарбаев', '«', 'AMANAT', '»', 'партиясы', ',', 'СҚО-да', '.']
    """
    stop = len(text) if end is None else end
    return [(m.group(), m.start() + start, m.end() + start)
            for m in _TOKEN.finditer(text[start:stop])]
