"""Who reported a figure (spec §3): speaker resolution, indirect speech, «X-тың айтуынша».

This module resolves *who* speaks; :mod:`kg.extract.quotes` finds the spans of
direct speech and calls back here. Everything is regex over the article text
plus the people (with mention offsets) and posts found by earlier stages.

* :func:`find_indirect` — rule 2: a sentence ending in a speech verb whose
  subject (a person in the nominative, or a post-only phrase) is in the sentence.
* :func:`kg.extract.according.find_according` — rule 3: «X-тың айтуынша …» (its own
  module).
* :func:`resolve_back` — rule 5: a pronoun or dropped subject is the subject of
  the closest preceding sentence (else the most recent person mentioned).
* :func:`kg.extract.post_holders.find_post` — rule 4: a post-only phrase → the person
  holding it (its own module).
* :func:`attribute_figures` — sets ``Figure.reporter_key`` from the quotes.

>>> from kg.model import Mention
>>> text = "Аудан әкімі Серік Бекетов биыл 12 мектеп жөнделгенін айтты."
>>> p = Person(key="serik-beketov", name="Серік Бекетов",
...            mentions=[Mention(start=12, end=25, text="Серік Бекетов", label="PERSON")])
>>> ctx = Context.build(text, [], [p], [])
>>> [(q.speaker_key, q.kind) for q in find_indirect(ctx)]
[('serik-beketov', 'indirect')]
>>> fig = Figure(start=31, end=33, text="12")
>>> attribute_figures(text, [], [fig], find_indirect(ctx))
>>> fig.reporter_key
'serik-beketov'
"""

from __future__ import annotations

import re

from kg.extract.post_holders import find_post
from kg.extract.speaker_context import (
    WORD,
    Context,
    Hit,
    split_sentences,
    word_case,
)
from kg.model import Figure, Person, Quote, Sentence  # noqa: F401  (Person: the module doctest)

#: speech verbs that may close a sentence of indirect speech (rule 2)
SPEECH_VERBS = (
    r"айтты|айтады|айтып (?:өтті|берді)|атап (?:өтті|өтеді|көрсетті|көрсетеді|айтты)|баса айтты"
    r"|мәлімдеді|мәлімдейді|мәлімдеме жасады|хабарлады|хабарлайды|баяндады|баяндайды"
    r"|жеткізді|жеткізеді|тоқталды|тоқталып өтті|тоқталады|деді|дейді|еске (?:салды|салады|түсірді)"
    r"|мәлім етті|мәлімет берді|ақпарат берді|түсіндірді|түсіндіреді|түсіндіріп (?:өтті|берді)"
    r"|атады|жариялады|растады|нақтылады|түйіндеді|қорытындылады|ескертті|сөз етті"
    r"|тілге тиек етті|назар аударды|пікір білдірді|айтып кетті|сендірді|мақтанышпен айтты"
    r"|айтқан|атап өткен|мәлімдеген|хабарлаған|жеткізген|тоқталған|деген"
)
_VERB = re.compile(
    rf"(?<![^\W\d_])(?:{SPEECH_VERBS})(?:\s+(?:еді|болатын))?(?![^\W\d_])", re.I)
_PARTICIPLE_END = re.compile(r"(?:айтқан|атап өткен|мәлімдеген|хабарлаған|жеткізген|тоқталған|деген)$")
#: «… отырғанын айтып, …»: a clause of reported speech closed by a converb, the sentence
#: going on to another act of the same subject
_SAID_AND = re.compile(r"(?<=[^\W\d_])(?:нын|нін|ын|ін)\s+(?:айтып|атап өтіп|жеткізіп),", re.I)
#: words that point back to the last speaker: pronouns and «the rapporteur», «the speaker»
PRONOUNS = frozenset({"ол", "оның", "спикер", "спикердің", "баяндамашы", "баяндамашының"})
_ACTIVE_PART = re.compile(r"(?P<root>.{3,}?)(?:ған|ген|қан|кен|атын|етін|йтын|йтін)")
_POSTPOSITIONS = frozenset({"туралы", "жайлы", "жөнінде", "сияқты", "секілді", "үшін", "атындағы",
                           "арқылы", "бастаған", "басқарған", "бастауымен", "қатысуымен"})


def _active_participle_after(text: str, pos: int) -> bool:
    """Whether the word after ``pos`` makes the preceding name a non-subject: an active
    participle («Тоқаев жариялаған …») or a postposition («Асанов туралы»)."""
    m = WORD.match(text, pos + len(text[pos:]) - len(text[pos:].lstrip()))
    if not m:
        return False
    if m.group().lower() in _POSTPOSITIONS:
        return True
    pm = _ACTIVE_PART.fullmatch(m.group().lower())
    return bool(pm) and not pm.group("root").endswith(("л", "н"))


def subject(ctx: Context, a: int, b: int) -> str | None:
    """The subject of ``text[a:b]``: the first nominative person that does not head a
    relative clause («Тоқаев жариялаған …»), else a post-only phrase, else «X-ке сөз берілді».
    """
    noms = ctx.nominative(a, b)
    free = [h for h in noms if not _active_participle_after(ctx.text, h.end)]
    if free:
        return free[0].key
    post = find_post(ctx, a, b, pos=a)
    if post:
        return post
    for h in ctx.hits:
        if a <= h.start < b and h.case == "dat" and re.match(r"\s+сөз (?:берілді|тиді)",
                                                               ctx.text[h.end:]):
            return h.key
    return None



def resolve_back(ctx: Context, pos: int, window: int = 4, fallback: bool = True) -> str | None:
    """Rule 5: the person a pronoun or dropped subject at ``pos`` refers to.

    The subject of the closest preceding sentence (up to ``window`` sentences
    back), else (with ``fallback``) the most recent person mentioned before ``pos``.
    """
    prior = [s for s in ctx.sentences if s.start < pos][::-1][:window]
    for s in prior:
        key = subject(ctx, s.start, min(s.end, pos))
        if key:
            return key
    if not fallback:
        return None
    before = [h for h in ctx.hits if h.end <= pos and not ctx.is_masked(h.start, h.end)]
    return before[-1].key if before else None


def find_indirect(ctx: Context) -> list[Quote]:
    """Rule 2: «… Ақмарал Басирова биыл 25 мыңға жуық әйелдің … айтты.» — the whole
    sentence is the span; the subject must be a person (or a post) in the sentence.
    Tags of direct speech («…, – деді X») are left to :mod:`kg.extract.quotes`."""
    out: list[Quote] = []
    text = ctx.text
    for s in ctx.sentences:
        said = _SAID_AND.search(text, s.start, s.end)
        if said is not None:  # «Name 6 баланы тәрбиелеп отырғанын айтып, … сұрады.»
            key = subject(ctx, s.start, said.start())
            if key is not None:
                out.append(Quote(start=s.start, end=said.end(), speaker_key=key,
                                 kind="indirect"))
                continue
        verbs = list(_VERB.finditer(text, s.start, s.end))
        if not verbs:
            continue
        m = verbs[-1]
        rest_a, rest_b = m.end(), s.end
        rest_words = WORD.findall(text[rest_a:rest_b])
        if _is_tag(text, m.start()):
            continue
        if len(rest_words) > 4 and not (len(rest_words) <= 9 and _ends_with_name(ctx, rest_b)):
            continue  # «… деп жеткізді Алматы қалалық мәслихатының депутаты Сәуле Ахметова.»
        if _PARTICIPLE_END.search(m.group().lower()):
            continue  # «айтқан» without еді/болатын is a participle, not a finite verb
        key: str | None
        if rest_words:
            noms = ctx.nominative(rest_a, rest_b)
            if noms:
                key = noms[0].key
            elif {w.lower() for w in rest_words} & PRONOUNS:
                key = resolve_back(ctx, s.start)
            else:  # «… деп жеткізді басқарма басшысы»: a post after the verb (rule 4)
                key = find_post(ctx, rest_a, rest_b, pos=rest_a)
            if key is None:
                continue
        else:
            key = subject(ctx, s.start, m.start())
            lead = [w.lower() for w in WORD.findall(text[s.start:m.start()])[:4]]
            if key is None and {"ол", "спикер"} & set(lead):  # «Сондай-ақ ол … атап өтті»
                key = resolve_back(ctx, s.start)
            if key is None and out and _dropped_subject(text, s.start, m.start()):
                key = _previous_speaker(ctx, s, out[-1])
            if key is None:
                continue
        out.append(Quote(start=s.start, end=s.end, speaker_key=key, kind="indirect"))
    return out


def _ends_with_name(ctx: Context, end: int) -> bool:
    """Whether a person's name in the nominative ends the sentence that ends at ``end``."""
    tail = ctx.text[:end].rstrip(" .!?»\"”")
    return any(h.end == len(tail) and h.case == "nom" for h in ctx.hits)


#: connectives that open a sentence continuing the last speaker's report
_GO_ON = ("сондай ақ", "сонымен қатар", "сонымен бірге", "бұдан бөлек", "бұған қоса",
          "одан бөлек", "сонымен", "қосымша")
_CLAUSE_OBJECT = re.compile(
    r"[^\W\d_]{2,}(?:ғанын|генін|қанын|кенін|атынын|етінін|йтынын|йтінін|ғандығын|гендігін"
    r"|қандығын|кендігін)(?:\s+(?:да|де|та|те))?\s*$", re.I)
#: nouns for bodies: a sentence with one of them in the nominative has a subject of its own
_BODY_SUBJECTS = frozenset("""басқарма басқармасы әкімдік әкімдігі бөлім бөлімі департамент
департаменті министрлік министрлігі комитет комитеті қызмет қызметі мекеме мекемесі ұйым ұйымы
компания компаниясы орталық орталығы палата палатасы кеңес кеңесі прокуратура полиция
сот инспекция инспекциясы агенттік агенттігі филиал филиалы""".split())


def _dropped_subject(text: str, a: int, verb: int) -> bool:
    """«Сондай-ақ ауданда 6 амбулатория жөнделгенін жеткізді.»: a sentence that goes on with
    a connective, reports a clause («…-ғанын») and names no subject of its own."""
    raw = WORD.findall(text[a:verb])
    if {"ЖШС", "АҚ", "ЖАҚ", "МКК"} & set(raw):
        return False
    words = [w.lower() for w in raw]
    lead = " ".join(words[:2])
    if not any(lead == c or lead.startswith(c + " ") or words[:1] == [c] for c in _GO_ON):
        return False
    return bool(_CLAUSE_OBJECT.search(text[a:verb])) and not set(words) & _BODY_SUBJECTS


def _previous_speaker(ctx: Context, s: Sentence, last: Quote) -> str | None:
    """The speaker of the sentence right before ``s`` in its paragraph, where that sentence
    is indirect speech (rule 5: a dropped subject is the person it refers to)."""
    prev = [x for x in ctx.sentences if x.end <= s.start]
    if not prev or prev[-1].paragraph != s.paragraph:
        return None
    if last.start == prev[-1].start and last.end == prev[-1].end:
        return last.speaker_key
    return None


def _is_tag(text: str, verb_start: int) -> bool:
    """Whether the speech verb at ``verb_start`` closes direct speech («…», – деді / , деп …)."""
    before = text[max(0, verb_start - 40):verb_start].rstrip()
    if before.lower().endswith("деп"):
        before = before[:-3].rstrip()
    elif not text[verb_start:verb_start + 5].lower().startswith(("деді", "дейді")):
        return False
    return before[-1:] in {",", "-", "–", "—", "―", "»", "\"", "”", "“"}


def attribute_figures(text: str, sentences: list[Sentence], figures: list[Figure],
                      quotes: list[Quote]) -> None:
    """Set ``reporter_key`` of each figure inside a quote whose speaker is known: the
    smallest such quote wins (a sentence of indirect speech inside a longer quotation
    names its own speaker). Figures outside every such quote are left untouched."""
    known = [q for q in quotes if q.speaker_key]
    for fig in figures:
        inside = [q for q in known if q.start <= fig.start < q.end]
        if inside:
            fig.reporter_key = min(inside, key=lambda q: q.end - q.start).speaker_key


__all__ = ["Context", "Hit", "attribute_figures", "find_indirect",
           "find_post", "resolve_back", "split_sentences", "subject", "word_case"]
