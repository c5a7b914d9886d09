"""Rule-based sentence splitting for Kazakh news, with character offsets.

Every line break ends a sentence, so a headline line is a sentence of its own;
each non-blank line is a paragraph (``Sentence.paragraph`` counts them, in the
order they are emitted). Inside a line a sentence ends after ``.``, ``!``, ``?``
or ``…`` (optionally followed by closing quotes/brackets) and whitespace, when
the next word can start a sentence (a capital letter, a digit, an opening quote,
a dash followed by a capital). It does not end:

- after initials: «Б. Сапарбаев», «Қ.-Ж. Тоқаев» («Б.Сапарбаев» has no space anyway);
- after abbreviations: «ж.», «млн.», «млрд.», «обл.» …; «т.б.», «т.с.с.» only end
  a sentence before a capital letter;
- inside numbers («92,5», «1.5»): no whitespace, so never a candidate;
- before a speech tag: in «…ұйымдастырылды.» – деді Жеңіс Асанов.» the closing
  quote and «– деді Жеңіс Асанов.» stay with the quotation's last sentence.

>>> text = "Бюджет 92,5 млн. теңге. Б. Сапарбаев келді.\\n«Жоба жалғасады. Жыл соңында бітеді», – деді ол."
>>> [text[s.start:s.end] for s in split_sentences(text)]
['Бюджет 92,5 млн. теңге.', 'Б. Сапарбаев келді.', '«Жоба жалғасады.', 'Жыл соңында бітеді», – деді ол.']
>>> [(s.index, s.paragraph) for s in split_sentences(text)]
[(0, 0), (1, 0), (2, 1), (3, 1)]
"""

from __future__ import annotations

import re

from kg.model import Sentence

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "a-zа-яёәғқңөұүһі"
OPEN_QUOTES = "«„“\"'("
CLOSE_QUOTES = "»“”\"')]"
DASHES = "–—-"

#: abbreviations (lower case, without the final dot) after which a sentence never ends
NO_BREAK_ABBREVIATIONS = frozenset(
    "ж жж млн млрд трлн обл аудн проф акад доц г ғ ғғ көш с т б бб см мыс қ ш тел "
    "т.ғ.д т.ғ.к э.ғ.д э.ғ.к ф.ғ.д ф.ғ.к".split()
)
#: abbreviations that end a sentence only when a capital letter follows
SOFT_ABBREVIATIONS = frozenset({"т.б", "т.с.с", "т.т", "т.б.с.с"})

#: a candidate end: terminal punctuation, closing quotes/brackets, then whitespace
_END = re.compile(rf"(?:[.!?…]+)[{re.escape(CLOSE_QUOTES)}]*(?=\s)")
_INITIALS = re.compile(rf"^[{UPPER}](?:\.-?[{UPPER}])*$")
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")


def _word_before(line: str, pos: int) -> str:
    """The whitespace-delimited chunk ending at ``pos`` (the dot excluded), unquoted."""
    start = pos
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    return line[start:pos].lstrip(OPEN_QUOTES + DASHES)


def _starts_sentence(rest: str) -> bool:
    """Can the text ``rest`` (after whitespace) begin a sentence?"""
    if not rest:
        return False
    c = rest[0]
    if c.isupper() or c.isdigit() or c in OPEN_QUOTES:
        return True
    if c in DASHES:
        # «– Біз …» opens a new utterance; «– деді ол» is a speech tag that continues
        tail = rest[1:].lstrip()
        return bool(tail) and (tail[0].isupper() or tail[0] in OPEN_QUOTES)
    return False


def _is_break(line: str, m: re.Match[str]) -> bool:
    punct_end = m.start() + len(m.group().rstrip(CLOSE_QUOTES))
    rest = line[m.end() :].lstrip()
    if not _starts_sentence(rest):
        return False
    if line[m.start()] == "." and punct_end - m.start() == 1 and punct_end == m.end():
        word = _word_before(line, m.start())
        low = word.lower()
        if _INITIALS.match(word):
            return False  # Б. Сапарбаев, Қ.-Ж. Тоқаев
        if low in NO_BREAK_ABBREVIATIONS:
            return False
        if low in SOFT_ABBREVIATIONS:
            return rest[0].isupper()
    return True


def _split_line(line: str) -> list[tuple[int, int]]:
    """Sentence ranges inside one line (offsets relative to the line, trimmed)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(line):
        if _is_break(line, m):
            out.append((start, m.end()))
            start = m.end()
    out.append((start, len(line)))
    trimmed = []
    for s, e in out:
        while s < e and line[s].isspace():
            s += 1
        while e > s and line[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def split_sentences(text: str, spans: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Sentences of ``text`` (only inside ``spans``, the body ranges, when given).

    Offsets index ``text``; sentences never cross a span edge or a line break.

    >>> t = "Тақырып\\n\\nҚ.-Ж. Тоқаев сөйледі. ҚР Үкіметі т.б. Жаңа сөйлем."
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['Тақырып', 'Қ.-Ж. Тоқаев сөйледі.', 'ҚР Үкіметі т.б.', 'Жаңа сөйлем.']
    >>> [t[s.start:s.end] for s in split_sentences(t, spans=[(9, 31)])]
    ['Қ.-Ж. Тоқаев сөйледі.']
    """
    if spans is None:
        spans = [(0, len(text))]
    sentences: list[Sentence] = []
    paragraph = 0
    for span_start, span_end in sorted(spans):
        if not (0 <= span_start <= span_end <= len(text)):
            raise ValueError(f"span ({span_start}, {span_end}) outside text of length {len(text)}")
        for lm in _LINE.finditer(text, span_start, span_end):
            ranges = _split_line(lm.group())
            if not ranges:
                continue
            for s, e in ranges:
                sentences.append(
                    Sentence(
                        start=lm.start() + s,
                        end=lm.start() + e,
                        index=len(sentences),
                        paragraph=paragraph,
                    )
                )
            paragraph += 1
    return sentences


__all__ = ["split_sentences"]
