"""News outlets as organisations (spec §1: «media outlets»).

An agency report opens with a dateline, the city in capitals, a full stop, the outlet and a
dash: «ТҮРКІСТАН. ҚазАқпарат – …», «ҚЫЗЫЛОРДА. KAZINFORM – …». The outlet named there is an
organisation, and so is every later mention of the same name in the body («Бұған дейін
Kazinform … хабарлаған»). An all-capitals Latin name is written in title case
(«KAZINFORM» → «Kazinform») so that both spellings are one node.

>>> text = "ҚОНАЕВ. KAZINFORM – Облыста 5 мектеп салынды. Бұған дейін Kazinform хабарлаған."
>>> [(h.name, text[h.start:h.end]) for h in find_outlets(text, [(0, len(text))])]
[('Kazinform', 'KAZINFORM'), ('Kazinform', 'Kazinform')]
>>> find_outlets("Астана, 2 сәуір. Министрлікте кеңес өтті.", [(0, 40)])
[]
"""

from __future__ import annotations

import re

from kg.normalise.orgs import OrgHit

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
#: a dateline: a city in capitals (optionally «, 2 сәуір»), a full stop, the outlet, a dash
DATELINE = re.compile(
    rf"(?m)^[ \t]*[{_UPPER}][{_UPPER}\- ]{{1,40}}(?:,\s*\d{{1,2}}\s+\w+)?\.[ \t]+"
    rf"(?P<outlet>[{_UPPER}][\w.]{{1,24}}(?:[ \t][{_UPPER}][\w.]{{1,20}})?)[ \t]*[–—-][ \t]"
)


def outlet_name(raw: str) -> str:
    """The outlet's canonical spelling.

    >>> outlet_name("KAZINFORM"), outlet_name("ҚазАқпарат")
    ('Kazinform', 'ҚазАқпарат')
    """
    if raw.isupper() and raw.isascii():
        return raw.capitalize()
    return raw


def find_outlets(text: str, spans: list[tuple[int, int]]) -> list[OrgHit]:
    """Outlets named in datelines, and their later mentions, inside the body ``spans``."""
    def in_body(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in spans)

    names: dict[str, str] = {}
    hits: list[OrgHit] = []
    for m in DATELINE.finditer(text):
        a, b = m.span("outlet")
        if in_body(a, b):
            names.setdefault(m.group("outlet").lower(), outlet_name(m.group("outlet")))
    for low, name in names.items():
        pattern = re.compile(rf"(?<![\w-]){re.escape(low)}(?![\w-])", re.IGNORECASE)
        for m in pattern.finditer(text):
            if in_body(m.start(), m.end()):
                hits.append(OrgHit(name, m.start(), m.end(), name, first=-1))
    return sorted(hits, key=lambda h: h.start)


__all__ = ["DATELINE", "find_outlets", "outlet_name"]
