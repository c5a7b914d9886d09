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
>>> t = "Түркістан, 14 ақпан. ҚазАқпарат. Брифинг өтті.\\nТАРАЗ. 24.kz – Нысан ашылды."
>>> [h.name for h in find_outlets(t, [(0, len(t))])]
['ҚазАқпарат', '24.kz']
"""

from __future__ import annotations

import re

from kg.normalise.orgs import OrgHit

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zа-яёәғқңөұүһі"
#: a dateline: a city in capitals, or a city and a date («Түркістан, 14 ақпан»), a full stop,
#: then the outlet and a dash («ТАРАЗ. 24.kz – …»), or an outlet that looks like one (inner
#: capital, all capitals, a dot or digit: «ҚазАқпарат», «Tengrinews.kz») and a full stop
DATELINE = re.compile(
    rf"(?m)^[ \t]*(?:[{_UPPER}][{_UPPER}\- ]{{1,40}}(?:,\s*\d{{1,2}}\s+\w+)?"
    rf"|[{_UPPER}][{_LOWER}\-]{{1,30}},\s*\d{{1,2}}\s+[{_LOWER}]+)\.[ \t]+"
    rf"(?:(?P<outlet>[{_UPPER}\d][\w.]{{1,24}}(?:[ \t][{_UPPER}][\w.]{{1,20}})?)[ \t]*[–—-][ \t]"
    rf"|(?P<outlet2>[{_UPPER}\d](?=[\w.]*(?:[{_LOWER}][{_UPPER}]|[.\d]\w))[\w.]{{1,24}}"
    rf"|[{_UPPER}]{{3,}})\.[ \t])"
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
        group = "outlet" if m.group("outlet") else "outlet2"
        a, b = m.span(group)
        if in_body(a, b):
            names.setdefault(m.group(group).lower(), outlet_name(m.group(group)))
    for low, name in names.items():
        pattern = re.compile(rf"(?<![\w-]){re.escape(low)}(?![\w-])", re.IGNORECASE)
        for m in pattern.finditer(text):
            if in_body(m.start(), m.end()):
                hits.append(OrgHit(name, m.start(), m.end(), name, first=-1))
    return sorted(hits, key=lambda h: h.start)


__all__ = ["DATELINE", "find_outlets", "outlet_name"]
