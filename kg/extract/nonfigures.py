"""Numbers that are not figures (spec §2): furniture, phone numbers, dates after a month
name, ages; the context checks :mod:`kg.extract.figures` runs before reading a figure.

>>> youths("жас", "еңбек", Decimal(2400)), youths("жасты", "толтырған", Decimal(15))
(True, False)
"""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.numerals import Token
from kg.extract.units import ADJECTIVES, KNOWN, PERSON, is_month, is_time_word, lemma

__all__ = ["num_excluded", "date_after_month", "youths", "age_at", "elders_over"]

_ELDERS = frozenset({"қарт", "қария", "зейнеткер", "ақсақал", "ардагер", "әже", "ата"})


def num_excluded(text: str, t: Token, masks: list[tuple[int, int]]) -> bool:
    """Context around a digit token that rules it out (masks, glued, furniture)."""
    if any(a <= t.start < b for a, b in masks):
        return True
    before = text[max(0, t.start - 2) : t.start]
    if before[-1:].isalpha() or before[-1:] in ("№", ":", "/", "#", ".", "+"):
        return True
    if len(before) == 2 and before[1] in "-\u2010\u2011" and before[0].isalpha():
        return True
    after = text[t.end : t.end + 2]
    if after[:1] in (":", "/") and after[1:2].isdigit():
        return True
    if t.suffix and not t.hyphen and re.match(r"[a-z]", t.suffix):
        return True
    ls = text.rfind("\n", 0, t.start) + 1
    le = text.find("\n", t.end)
    line = text[ls : le if le >= 0 else len(text)].strip()
    if line == text[t.start : t.end].strip():
        return True
    head = text[ls : t.start].strip()
    if not head and re.match(r"[.)]\s", text[t.end : t.end + 2]):
        return True
    if re.match(r"(?i)\s*(?:көрілім|қаралым|просмотр|views?\b)", text[ls : t.start]):
        return True  # a view counter «Көрілімдер: 1 208»
    if _COUNTER.search(text[ls : t.start]):
        return True  # «07 Сәуір 2026, 16:40 | Қаралды: 1 732 | Пікірлер: 4»
    if _HOTLINE.match(text[t.start : t.start + 80]):
        return True  # «112 бірыңғай кезекші-диспетчерлік қызметі»: a phone number
    if re.search(r"(?i)\bжасы\s*[–—-]?\s*$", text[ls : t.start]) and not \
            re.match(r"[\d\s]*(?:%|пайыз)", text[t.start : t.end + 8]):
        return True  # «олардың орташа жасы – 44»: an age
    return bool(re.search(r"(?:№|No|N|(?i:тел|телефон|факс|бет))\.?:?\s*(?:\d+[-–/.])*$", text[ls : t.start]))


#: a page counter's label right before the number, after a «|» or «•» or at the line start
_COUNTER = re.compile(
    r"(?:^|[|•·])\s*(?:көрілім|қаралым|қаралды|оқылды|просмотр|views?|пікір|комментари)\w*"
    r"\s*[:\-]?\s*$", re.IGNORECASE)
#: a short service number followed, within two words, by what names it as one
_HOTLINE = re.compile(
    r"(?:10[1-49]|11[12]|1[45]\d\d)(?![\d,])[-–]?\w{0,4}\s+(?:\S+\s+)?"
    r"(?:бірыңғай|нөмір|телефон[ыа]|желі|call|байланыс|кезекші\b|диспетчер|шұғыл|сенім)", re.I)


def date_after_month(prev: str, after: Token | None, t: Token, val: Decimal) -> bool:
    """A day after a month name («Қаңтар 5, 2024»), not a count after a month-like word:
    «жылыту маусымында 11 мыңнан астам» (a season), «Маусымда 25 жергілікті тұрғынды»."""
    if not is_month(prev) or prev.startswith("маусымы"):
        return False
    if after is None or after.kind != "word":
        return True
    counted = lemma(after.low) in KNOWN | PERSON or after.low in ADJECTIVES
    return not counted and (is_time_word(after.low) or bool(t.suffix) or val <= 31)


def youths(word: str, nxt: str, val: Decimal) -> bool:
    """«2 400 жас», «11 мыңнан астам жасты»: young people, not an age («15 жасты толтырған»)."""
    return word in ("жас", "жасты", "жасқа", "жастың") and (
        val > 120 or (word == "жасты" and not nxt.startswith("толт")))


def age_at(toks: list[Token], k: int) -> bool:
    """«15 пен 29 жас аралығындағы»: bare «жас» before «аралығы…» is an age."""
    return (k + 1 < len(toks) and toks[k].low == "жас"
            and toks[k + 1].low.startswith(("аралығ", "шамасында", "мөлшерінде")))


def elders_over(qual_word: str, noun: str) -> bool:
    """«80-нен асқан қарттар»: elders over 80, an age, not a count of 80 people.

    >>> elders_over("асқан", "қарттар"), elders_over("астам", "қарт"), elders_over("асқан", "отбасы")
    (True, False, False)
    """
    return qual_word in ("асқан", "асқандар") and lemma(noun) in _ELDERS
