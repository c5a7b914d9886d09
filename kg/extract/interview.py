"""Interviews (сұхбат): the interviewee's answers are direct speech (spec §3 rules 1 and 5).

A newspaper interview alternates questions and answers. Questions are paragraphs that end in
«?» (often after a dialogue dash «– …?» or a label «Тілші: …»; a labelled line with no «?» is
a TV correspondent's narration, not a question); the paragraphs between one
question and the next are the answer. After the last question only the next paragraph is
taken: a closing paragraph of narration is not the interviewee's.

The interviewee is the person the lead introduces: the one named with the comitative
(«Name-мен сұхбаттастық»), else the last person named with a post before the first
question, else the last person named there; the interviewer («газетінің тілшісі
Name-ның сұрақтарына жауап берді») is never the interviewee. An answer that opens with its own speaker label
(«Name:», «Н.Surname:») belongs to that person. An article with fewer than two questions is
not an interview.

>>> from kg.model import Mention, Person, Sentence
>>> from kg.extract.quote_marks import paragraphs
>>> text = ("Аудан әкімі Марат Оспановпен сұхбаттастық.\\n"
...         "– Биыл қанша үй салынды?\\n– Биыл 40 үй салынды.\\n"
...         "– Жұмыс орындары ше?\\n– 250 жұмыс орны ашылды.\\nКеше жиын өтті.")
>>> p = Person(key="ospanov", name="Марат Оспанов",
...            mentions=[Mention(12, 25, "Марат Оспанов", "PERSON", "rules")])
>>> ctx = Context.build(text, [Sentence(0, len(text), 0)], [p], [])
>>> [(text[q.start:q.end], q.speaker_key) for q in find_interview(ctx, paragraphs(text))]
[('– Биыл 40 үй салынды.', 'ospanov'), ('– 250 жұмыс орны ашылды.', 'ospanov')]
"""

from __future__ import annotations

import re

from kg.extract.reporters import Context, Hit
from kg.model import Quote

_Q_LABEL = re.compile(r"^[-–—]?\s*(?:Тілші|Журналист|Корреспондент|Сұрақ)\s*[:–—-]", re.I)
_COMITATIVE = ("мен", "пен", "бен")
_MAX_QUESTION = 400
_QUESTION_WORDS = ("сұрақ", "сауал")
_ASKER_POSTS = ("тілші", "журналист", "корреспондент")
_DATIVE = ("ға", "ге", "қа", "ке", "на", "не")


def _is_question(line: str) -> bool:
    """A question paragraph; a «ТІЛШІ: …» line with no «?» is a TV reporter's narration."""
    if _Q_LABEL.match(line):
        return "?" in line
    return line.endswith("?") and len(line) <= _MAX_QUESTION


def _asks(ctx: Context, h: Hit) -> bool:
    """The interviewer: «тілшісі Name-ның сұрақтарына жауап берді», «Name-ға сұхбат берді»,
    a post «тілшісі»."""
    nxt = ctx.text[h.end:h.end + 12].split()
    if nxt and nxt[0].lower().startswith(_QUESTION_WORDS):
        return True
    said = ctx.text[h.start:h.end + 12].split()
    if nxt and nxt[0].lower().startswith("сұхбат") and said and said[0] != nxt[0] and \
            ctx.text[h.start:h.end].lower().endswith(_DATIVE):
        return True  # «… бас редакторы Name-ға сұхбат берді»: the one who asked
    return any(p.person_key == h.key and p.position.lower().startswith(_ASKER_POSTS)
               for p in ctx.posts)


def _interviewee(ctx: Context, before: int) -> str | None:
    hits = [h for h in ctx.hits if h.end <= before]
    asker = {h.key for h in hits if _asks(ctx, h)}
    hits = [h for h in hits if h.key not in asker] or hits
    for h in hits:
        if ctx.text[h.start:h.end].lower().endswith(_COMITATIVE):
            return h.key
    with_post = [h for h in hits if any(p.person_key == h.key for p in ctx.posts)]
    if with_post:
        return with_post[-1].key
    return hits[-1].key if hits else None


def _labelled(ctx: Context, a: int, b: int) -> Hit | None:
    """A person named at the very start of the paragraph and followed by a colon."""
    for h in ctx.hits:
        if a <= h.start <= a + 2 and ":" in ctx.text[h.end:min(b, h.end + 40)].split(" ")[0]:
            return h
    return None


def find_interview(ctx: Context, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """The answers of an interview as direct quotations of the interviewee
    (``paragraphs``: the article's non-empty lines, :func:`kg.extract.quote_marks.paragraphs`)."""
    text = ctx.text
    paras = [(a, b) for a, b in paragraphs
             if any(s.start <= a < s.end or a <= s.start < b for s in ctx.sentences)]
    questions = [k for k, (a, b) in enumerate(paras) if _is_question(text[a:b])]
    if len(questions) < 2:
        return []
    speaker = _interviewee(ctx, paras[questions[0]][0])
    out: list[Quote] = []
    for n, q in enumerate(questions):
        stop = questions[n + 1] if n + 1 < len(questions) else min(q + 2, len(paras))
        for a, b in paras[q + 1:stop]:
            label = _labelled(ctx, a, b)
            key = label.key if label else speaker
            if key is not None:
                out.append(Quote(start=a, end=b, speaker_key=key, kind="direct"))
    return out


__all__ = ["find_interview"]
