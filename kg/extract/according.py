"""Rule 3 of spec §3: «X-тың айтуынша / сөзінше / мәліметінше, …» and «X атап өткендей, …».

The sentence is the span and X its speaker: a person named there, a pronoun («Оның
сөзінше») resolved back, or a post-only phrase («Вице-министрдің мәліметінше») resolved to its
holder. Rules 2 and 3 work within one sentence. Split from :mod:`kg.extract.reporters`.

>>> from kg.model import Mention, Person
>>> text = "Әкім Серік Бекетов сөйледі. Бекетовтің айтуынша, 12 мектеп жөнделді."
>>> p = Person(key="serik-beketov", name="Серік Бекетов",
...            mentions=[Mention(5, 18, "Серік Бекетов", "PERSON"),
...                      Mention(28, 38, "Бекетовтің", "PERSON")])
>>> ctx = Context.build(text, [], [p], [])
>>> [(text[q.start:q.end], q.speaker_key) for q in find_according(ctx)]
[('Бекетовтің айтуынша, 12 мектеп жөнделді.', 'serik-beketov')]
"""

from __future__ import annotations

import re

from kg.extract.reporters import PRONOUNS, WORD, Context, find_post, resolve_back
from kg.model import Quote

_ACCORDING = re.compile(
    r"(?P<who>[^\W\d_]+)\s+(?:айтуынша|сөзінше|мәліметінше|хабарлауынша|пікірінше|мәлімдеуінше"
    r"|дерегінше|(?:айтуына|сөзіне|мәліметіне|хабарлауына)\s+(?:қарағанда|сәйкес|сүйенсек))"
    r"(?![^\W\d_])", re.I
)
_AS_SAID = re.compile(
    r"(?<![^\W\d_])(?:мәлім еткендей|атап өткендей|айтқандай|хабарлағандай|мәлімдегендей"
    r"|атап көрсеткендей|айтып өткендей|жеткізгендей|түсіндіргендей)(?![^\W\d_])", re.I
)


#: «the scientist's / specialist's / expert's / doctor's words»: the person just spoken of
_PROFESSIONS = ("ғалымның", "маманның", "сарапшының", "дәрігердің")


def find_according(ctx: Context) -> list[Quote]:
    """Rule 3: «Бақытжан Сағынтаевтың айтуынша, …», «Оның сөзінше, …», «X атап өткендей, …»."""
    out: list[Quote] = []
    text, low = ctx.text, ctx.text.lower()
    for m in _ACCORDING.finditer(text):
        a, b = ctx.sentence_at(m.start())
        if a == b:
            continue  # outside the body (page furniture): no sentence, no quote
        who_end = m.end("who")
        key: str | None = next((h.key for h in ctx.hits if h.start < who_end <= h.end), None)
        if key is None:
            if m.group("who").lower() in PRONOUNS:
                key = resolve_back(ctx, m.start())
            else:
                key = find_post(ctx, min(a, m.start()), who_end, pos=m.start(),
                                nominative=False, end_at=who_end)
            if key is None and m.group("who").lower().startswith(_PROFESSIONS):
                key = resolve_back(ctx, m.start(), fallback=False)  # «Ғалымның сөзінше»
        out.append(Quote(start=a, end=b, speaker_key=key, kind="according_to"))
    for m in _AS_SAID.finditer(text):
        a, b = ctx.sentence_at(m.start())
        if a == b:
            continue
        clause_start = max(a, low.rfind(",", a, m.start()) + 1)
        noms = ctx.nominative(clause_start, m.start())
        key = noms[-1].key if noms else None
        if key is None:
            words = WORD.findall(low[clause_start:m.start()])
            key = (resolve_back(ctx, m.start()) if words[-1:] == ["ол"]
                   else find_post(ctx, clause_start, m.start(), pos=m.start()))
        out.append(Quote(start=a, end=b, speaker_key=key, kind="according_to"))
    return out


__all__ = ["find_according"]
