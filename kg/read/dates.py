"""Article dates: normalise a given date to ISO 8601, or find the article's date in its text.

Dates come out as ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM:SS`` (with the zone when one is
given) when a time is known: the forms :mod:`kg.map.mapper` writes as ``xsd:date`` and
``xsd:dateTime``.

>>> iso_date("Thu, 24 Dec 2020 09:31:00 +0600")
'2020-12-24T09:31:00+06:00'
>>> iso_date("2020-12-24 09:31"), iso_date("24.12.2020"), iso_date("24 желтоқсан 2020 ж.")
('2020-12-24T09:31:00', '2020-12-24', '2020-12-24')
>>> iso_date("next Tuesday") is None
True

In the text, a dateline near the top (a line that is a date, perhaps with a time, a
rubric or a view counter) or a «published» / archive line is the article's date; a date
inside a sentence of the first paragraph is used only when there is neither. Years alone
(«2025 жылы») and dates further into the body (events, deadlines) are not the article's date.

>>> find_date("Тақырып\\n\\n24 Желтоқсан 2020, 09:31\\n1489\\nБөлісу:\\nМәтін.")
'2020-12-24T09:31:00'
>>> find_date("Жоба 2025 жылы басталды. Оған 986 адам қатысты.") is None
True
>>> find_date("Тақырып\\nМәтін 2025 жылғы 1 қаңтарға дейін созылады.\\n" + "Мәтін.\\n" * 5
...           + "Бұл хабарлама дереккөзден мұрағатталған 30 Желтоқсан 2025 10:15")
'2025-12-30T10:15:00'
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from kg.read.furniture import END_MARKERS

#: Kazakh month stems (any case ending or capitalisation follows) → month number
KK_MONTHS = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}  # fmt: skip
#: Russian month stems (nominative and genitive: «декабрь», «декабря») → month number
RU_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7,
    "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_RU_ENDINGS = {"ма": r"(?:й|я|е)", "март": r"(?:а|е)?"}
_MONTH_ALT = "|".join(
    [rf"{stem}\w*" for stem in KK_MONTHS]
    + [rf"{stem}{_RU_ENDINGS.get(stem, r'(?:ь|я|е)')}" for stem in RU_MONTHS]
)
_TIME = r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})"
_DMY_WORDS = (
    rf"(?P<d>\d{{1,2}})(?:-(?:ші|шы|сі|сы|і|ы))?\s+(?P<mon>{_MONTH_ALT})\s+(?P<y>(?:19|20)\d{{2}})"
    r"(?:\s*(?:ж\.|жыл\w*|г\.|года?))?"
)
_YMD_WORDS = (
    rf"(?P<y>(?:19|20)\d{{2}})\s*(?:жылғы|жылдың|ж\.|ж|года?|г\.)\s+(?P<d>\d{{1,2}})"
    rf"(?:-(?:ші|шы|сі|сы|і|ы))?\s+(?P<mon>{_MONTH_ALT})"
)
_DMY_DIGITS = r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:19|20)\d{2})(?:\s*(?:ж\.|г\.))?"
_ISO = (
    r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_FORMS = [
    re.compile(rf"(?:{_TIME},?\s+)?{_DMY_WORDS}(?:,?\s*(?:сағат\s*|в\s*)?{_TIME})?".replace(
        "(?P<h>", "(?P<h0>", 1).replace("(?P<mi>", "(?P<mi0>", 1), re.IGNORECASE),
    re.compile(rf"{_YMD_WORDS}(?:,?\s*(?:сағат\s*)?{_TIME})?", re.IGNORECASE),
    re.compile(rf"(?:{_TIME},?\s+)?{_DMY_DIGITS}(?:,?\s*{_TIME})?".replace(
        "(?P<h>", "(?P<h0>", 1).replace("(?P<mi>", "(?P<mi0>", 1)),
    re.compile(_ISO),
]
#: a line that says when the article was published (or archived from its source)
_PUBLISHED = re.compile(
    r"(?:жарияланған|жарияланды|жариялану|жарияланым|жаңартылған|эфир|опубликовано|"
    r"дата публикации|published|posted|мұрағатталған)",
    re.IGNORECASE,
)
_ARCHIVED = re.compile(r"мұрағатталған", re.IGNORECASE)
#: after a date, these make it a deadline or a start, not the article's date
_NOT_ARTICLE = re.compile(r"^\S*(?:ға|ге|қа|ке)?\s*(?:дейін|бастап|шейін|дейінгі)", re.IGNORECASE)
#: what a dateline may carry beside the date: rubric «Аймақтар •», views, «Бөлісу»
_DATELINE_REST = re.compile(r"^[\s,.•|·:\-–—/()\w]{0,25}$")


def _month(word: str) -> int | None:
    w = word.lower()
    for stem, n in KK_MONTHS.items():
        if w.startswith(stem):
            return n
    for stem, n in RU_MONTHS.items():
        if w.startswith(stem) and (stem != "ма" or w in ("май", "мая", "мае")):
            return n
    return None


def _iso_from(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    try:
        month = int(g["m"]) if g.get("m") else _month(g.get("mon") or "")
        if not month:
            return None
        day = date(int(g["y"]), month, int(g["d"]))
    except ValueError:
        return None
    hour, minute = g.get("h") or g.get("h0"), g.get("mi") or g.get("mi0")
    if hour is None or minute is None or not (int(hour) < 24 and int(minute) < 60):
        return day.isoformat()
    text = f"{day.isoformat()}T{int(hour):02d}:{int(minute):02d}:{int(g.get('s') or 0):02d}"
    tz = g.get("tz")
    if tz:
        text += "Z" if tz == "Z" else f"{tz[:3]}:{tz[-2:]}"
    return text


def iso_date(value: str) -> str | None:
    """``value`` (ISO 8601, RFC 822 as in RSS, «24.12.2020», Kazakh or Russian words) as
    ISO 8601, or None when it is not a date.

    >>> iso_date("2020-12-24T09:31:00+06:00"), iso_date("2020-12-24T03:31:00Z")
    ('2020-12-24T09:31:00+06:00', '2020-12-24T03:31:00Z')
    >>> iso_date("2020 жылғы 24 желтоқсанда"), iso_date("24 декабря 2020 г., 09:31")
    ('2020-12-24', '2020-12-24T09:31:00')
    >>> iso_date("31.02.2020") is None
    True
    """
    value = value.strip()
    if not value:
        return None
    for form in _FORMS:
        m = form.fullmatch(value)
        if m:
            return _iso_from(m)
    if re.match(r"^[A-Za-z]{3},|^\d{1,2} [A-Za-z]{3} \d{4}", value):
        try:
            dt = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return _format_datetime(dt)
    return None


def _format_datetime(dt: datetime) -> str:
    text = dt.strftime("%Y-%m-%dT%H:%M:%S")
    off = dt.utcoffset()
    if off is not None:
        minutes = int(off.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        text += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text


def dates_in(line: str) -> list[tuple[int, int, str]]:
    """Each date in ``line``: (start, end, ISO form), earliest first, not overlapping.

    >>> dates_in("12:47, 3 қыркүйек 2025")
    [(0, 22, '2025-09-03T12:47:00')]
    >>> [d for _, _, d in dates_in("Аймақтар • 12.03.2025, 09:40")]
    ['2025-03-12T09:40:00']
    """
    found: list[tuple[int, int, str]] = []
    for form in _FORMS:
        for m in form.finditer(line):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            iso = _iso_from(m)
            if iso:
                found.append((m.start(), m.end(), iso))
    return sorted(found)


def find_date(text: str, top_lines: int = 30) -> str | None:
    """The article's date from its text, or None (see the module's docstring).

    >>> find_date("Тақырып\\nАймақтар • 12.03.2025, 09:40\\nФото: ашық дереккөздерден\\nМәтін.")
    '2025-03-12T09:40:00'
    >>> find_date("Тақырып\\nЖарияланған: 2024 жылғы 5 наурыз\\nМәтін.")
    '2024-03-05'
    >>> find_date("Кеше, 2020 жылғы 24 желтоқсанда, облыста жиын өтті.\\nМәтін.")
    '2020-12-24'
    """
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    best: tuple[int, int, str] | None = None  # (score, -position, iso)
    others = False  # past «Соңғы жаңалықтар», «Тағы оқыңыз»: other stories' dates
    for pos, line in enumerate(lines):
        others = others or bool(END_MARKERS.match(line))
        found = dates_in(line)
        if not found:
            continue
        start, end, iso = found[0]
        rest = (line[:start] + " " + line[end:]).strip()
        after = line[end:].strip()
        if _PUBLISHED.search(line):
            score = 2 if _ARCHIVED.search(line) else 3
        elif others or _NOT_ARTICLE.match(after):
            continue
        elif pos < top_lines and _DATELINE_REST.match(rest) and not re.search(r"\w\w[.!?]$", line):
            score = 4
        elif pos < 3:
            score = 1
        else:
            continue
        if best is None or (score, -pos) > best[:2]:
            best = (score, -pos, iso)
    return best[2] if best else None
