"""Tell article body text from page furniture.

Scraped news pages carry menus, «Соңғы жаңалықтар» lists, view counters,
share buttons, comment forms and dates. None of it may yield entities or
figures, so the pipeline reads only the *body spans* returned here. Offsets
always index the article text unchanged.

>>> text = "Тақырып\\n241\\nЖобаға 18 мыңға жуық адам тартылды.\\nLeave A Reply\\nМәзір"
>>> [text[s:e] for s, e in body_spans(text)]
['Тақырып', 'Жобаға 18 мыңға жуық адам тартылды.']

A «Оқи отырыңыз:» link inside the body is skipped, not taken for the end of the article:

>>> text = ("Жобаға 18 мыңға жуық адам тартылды.\\nОқи отырыңыз: Сәтбаевта 600 орындық мектеп"
...         "\\nӘкім жаңа балабақшаның құрылысына 1,9 млрд теңге бөлінгенін айтты.")
>>> [text[s:e][:20] for s, e in body_spans(text)]
['Жобаға 18 мыңға жуық', 'Әкім жаңа балабақшан']
"""

from __future__ import annotations

import re

from kg.read.checks import is_kazakh_line

#: a line that starts one of these ends the article: all that follows is furniture
END_MARKERS = re.compile(
    r"^\s*(?:[-•*]\s+)?(?:Соңғы жаңалықтар|Соңғы жаңалық|Leave A Reply|Leave a Reply|Пікір қалдыру|"
    r"Пікірлер|Бұл тақырыптағы басқа жаңалықтар|Ең көп оқылғандар|Өзгелердің жаңалығы|"
    r"Тағы оқыңыз|Ұқсас жаңалықтар|Ұқсас материалдар|Оқи отырыңыз|Байланысты жаңалықтар|"
    r"Тақырыпқа қатысты|Тақырыптас жаңалықтар|Тақырыптас материалдар|Көп оқылған|Танымал жаңалықтар|Related posts|Читайте также|"
    r"Последние новости|Your email address will not be published)\b",
    re.IGNORECASE,
)
#: end markers that sites also put inside the body, before a link to another story
INLINE_LINK = re.compile(
    r"^\s*(?:Оқи отырыңыз|Тағы оқыңыз|Сондай-ақ оқыңыз|Читайте также|Байланысты жаңалықтар)"
    r"\s*:?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_MONTHS = (
    "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан"
)
#: lines that are furniture on their own
FURNITURE_LINE = re.compile(
    r"^\s*(?:[-•*]\s+)?(?:"
    r"\d{1,7}"  # view / comment counters
    r"|(?:Көрілімдер|Қаралды|Просмотры|Просмотров|Views|Пікір|Комментарии)\s*[:\-]?\s*\d*"
    r"|Бөлісу\s*:?|Поделиться\s*:?|Share\s*:?|Кіру|Іздеу|Мәзір|Басты бет|Жаңалықтар"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,?\s*\d{1,2}:\d{2})?"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\w*\s+\d{{4}}(?:\s*(?:ж\.|жыл\w*))?,?\s*(?:\d{{1,2}}:\d{{2}})?"
    r"|.{0,40}•\s*(?:Бүгін|Кеше|\d{1,2}\s+\w+)\s*,?\s*\d{1,2}:\d{2}"
    r"|Бұл хабарлама дереккөзден мұрағатталған.*"
    r"|(?:Фото|Сурет|Photo)\s*:.{0,80}"
    r"|(?:#[^\s#]+\s*)+"  # a line of hashtags
    r")\s*$",
    re.IGNORECASE,
)
_SENT_END = re.compile(r"[.!?…»\"”:;]\s*$")


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_menu_run(words: list[int], i: int) -> bool:
    """True if line ``i`` sits in a run of ≥3 consecutive short unpunctuated lines."""
    run = 0
    j = i
    while j >= 0 and words[j] > 0:
        run += 1
        j -= 1
    j = i + 1
    while j < len(words) and words[j] > 0:
        run += 1
        j += 1
    return run >= 3


def body_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges (start, end) of the lines that are article body text; a line
    that repeats an earlier body line word for word is read once.

    >>> t = "Жұмысқа 986 адам орналасты\\nЖұмысқа 986 адам орналасты\\nМәтін."
    >>> [t[s:e] for s, e in body_spans(t)]
    ['Жұмысқа 986 адам орналасты', 'Мәтін.']
    """
    lines = [_trim(text, s, e) for s, e in _lines(text)]
    # short, unpunctuated, non-empty lines: candidates for menus (marked with their word count)
    shortness: list[int] = []
    for s, e in lines:
        line = text[s:e]
        n = len(line.split())
        shortness.append(n if 0 < n <= 4 and not _SENT_END.search(line) else 0)
    out: list[tuple[int, int]] = []
    kept: set[str] = set()  # body lines so far, spaces folded: a repeat is read once
    skip_title = False  # the line after a bare «Оқи отырыңыз:» is the linked story's title
    for i, (s, e) in enumerate(lines):
        if s == e:
            continue
        line = text[s:e]
        if END_MARKERS.match(line):
            if not _inline_link(text, lines, i):
                break
            skip_title = not INLINE_LINK.match(line).group("title").strip()  # type: ignore[union-attr]
            continue
        if skip_title:
            skip_title = False
            continue
        if FURNITURE_LINE.match(line):
            continue
        if shortness[i] and _is_menu_run(shortness, i):
            continue
        if not is_kazakh_line(line):
            continue
        folded = " ".join(line.split())
        if folded in kept:  # a headline printed twice (page title and h1), a repeated caption
            continue
        kept.add(folded)
        out.append((s, e))
    return out


def _body_like(line: str) -> bool:
    """A paragraph of running text: eight words or more, ending a sentence, in Kazakh."""
    return len(line.split()) >= 8 and bool(re.search(r"[.!?…»\"”]\s*$", line)) \
        and is_kazakh_line(line)


def _inline_link(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Line ``i`` is a «Оқи отырыңыз: …» link inside the body: its marker is one that sites
    use inline, and running text follows it (a related-stories list at the end has none)."""
    if not INLINE_LINK.match(text[lines[i][0]:lines[i][1]]):
        return False
    return any(_body_like(text[s:e]) for s, e in lines[i + 1:])
