"""Reported speech in Kazakh news: the spans and their speakers (spec §3).

Direct speech is found from the text itself, not from sentence boundaries:

* a quotation closed right before a speech tag: «…», – деді Жеңіс Асанов. The
  quotation marks «…», „…“, “…” and "…" are paired with nesting, so a project
  name in «» inside a quotation does not end it; a paragraph that opens with «
  and whose next paragraph opens with « again continues the quotation;
* speech without quotation marks ended by a dash tag, which regional news uses a
  lot: the paragraph (from its start, or from a dialogue dash «– …») up to
  «…, – деді Басирова.» / «…, — деп атап өтті Сағынтаев.» / «…, – деп X …»;
* a quotation opened by a colon after its speaker: «X былай деді: «…»»,
  «Аудан басшысы … атап өтті: – …»;
* a caption line «Name, post:» (or «Name, post.») followed by speech.

The speaker of a tag is the person after (or before) the tag verb, a post-only
phrase (rule 4) or a pronoun / dropped subject (rule 5); see
:mod:`kg.extract.reporters`, which also finds indirect speech (rule 2) and
«X-тың айтуынша» (rule 3) and attributes figures.

>>> from kg.model import Mention
>>> text = "«Биыл 40 үй салынды», – деді Асанов."
>>> p = Person(key="asanov", name="Жеңіс Асанов",
...            mentions=[Mention(start=29, end=35, text="Асанов", label="PERSON")])
>>> [(text[q.start:q.end], q.speaker_key, q.kind) for q in find_quotes(text, [], [p], [])]
[('Биыл 40 үй салынды', 'asanov', 'direct')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.extract.according import find_according
from kg.extract.interview import find_interview
from kg.extract.quote_marks import clause_end, pair_quotes, paragraphs
from kg.extract.reporters import (
    PRONOUNS,
    WORD,
    Context,
    attribute_figures,
    find_indirect,
    find_post,
    resolve_back,
    subject,
)
from kg.extract.units import PERSON
from kg.model import Person, Post, Quote, Sentence
from kg.normalise.translit import slug

_DASHES = "-–—―"
_LONGEST_PARAGRAPH = 2500  # longer «paragraphs» are text whose line breaks were lost
_CLOSERS = "»“”\""
_TAG = re.compile(r"(?<![^\W\d_])(деді|дейді|деп|депті|деген)(?![^\W\d_])", re.I)
_NAMING = re.compile(r"\s*(?:атал|атаған|атайды|атады|атанған|ат қой)", re.I)
_AGENCY = re.compile(r"\s*хабарлайды\s+(?:[A-Za-z]|\S+\s+тілшісі)")
_DIALOGUE_DASH = re.compile(r"(?:^|(?<=[.!?…:]))[ \t]*[-–—―][ \t]", re.M)
_FIRST_PERSON = re.compile(
    r"(?<![^\W\d_])(?:біз|біздің|бізде|бізге|бізді|мен|менің|маған|мені)(?![^\W\d_])"
    r"|[^\W\d_]{3,}(?:мыз|міз|мын|мін|ымыз|іміз|дық|дік|тық|тік)(?![^\W\d_])", re.I)
#: first person in a sentence that is then speech, not an introduction of the speaker
_WE = re.compile(r"(?<![^\W\d_])(?:біз|біздің|бізде|бізге|бізді|менің|маған|мені)(?![^\W\d_])"
                 r"|[^\W\d_]{3,}(?:мыз|міз|мын|мін)(?![^\W\d_])", re.I)
_SPEECH_INTRO = re.compile(
    r"(?<![^\W\d_])(?:былай|деді|дейді|айтты|айтады|атап|мәлімдеді|жеткізді|түсіндірді|сөзінде"
    r"|баяндады|хабарлады|тоқталды|пікірімен|бөлісті|сөз алған|сөйледі|ескертті|сынады|сын айтты"
    r"|ұсынды|білдірді|назар аударды|ескерту жасады|мәлім етті|жауап берді|түйіндеді"
    r"|толықтырды|қорытындылады)", re.I)
#: a post title in the nominative as the subject: «Аудан басшысы», «Әкім», «Спикер»
_TITLE_SUBJECT = re.compile(
    r"(?<![^\W\d_])(?:басшысы|әкімі|әкім|төрағасы|директоры|бастығы|меңгерушісі|министрі"
    r"|спикер|орынбасары|депутат|депутаты)(?![^\W\d_])", re.I)
#: words allowed in a tag without a named speaker («– деп атап өтті ол», «– деп жеткізді.»)
_TAIL_WORDS = frozenset(
    "атап өтті айтты айтып айтады жеткізді жеткізеді түйіндеді толықтырды қосты сөзін "
    "қорытындылады түсіндірді ескертті нақтылады мәлімдеді хабарлады баяндады сендірді санайды "
    "есептейді жалғастырды аяқтады мәлім етті тоқталды жазды жазады көрсетті еске салды берді "
    "мәлімдейді түсіндіреді бөлісті білдірді пікірін ойын деді дейді еді болатын сондай ақ тағы "
    "де да қуана қынжыла сенімді түрде мақтанышпен өз кезегінде сөз соңында баса келе "
    "қорытындылай отырып".split()) | PRONOUNS
_TAIL_SPEECH = _TAIL_WORDS - frozenset("өтті көрсетті берді еді болатын сондай ақ тағы де да "
                                       "қуана қынжыла сенімді түрде өз кезегінде сөз соңында "
                                       "баса келе отырып сөзін пікірін ойын".split())


@dataclass
class _Raw:
    start: int
    end: int
    kind: str
    speaker: Callable[[], str | None]
    priority: int = 0  # tags 0, colon 1, caption 2, standalone 3


def _tail_speaker(ctx: Context, a: int, b: int, content_start: int, verb: str) -> str | None:
    """The speaker named in a tag «деді Жеңіс Асанов», «дейді басқарма басшысының
    орынбасары», «деп атап өтті ол», «деп жеткізді.»; None for an unnamed or
    non-person speaker («деді ауыл тұрғыны», «деп хабарлайды Kazinform»). A bare person noun
    («– дейді кәсіпкер») is the subject of the sentence before the quotation, if any."""
    noms = ctx.nominative(a, b)
    if noms:
        return noms[0].key
    post = find_post(ctx, a, b, pos=content_start)
    if post:
        return post
    words = [w for w in WORD.findall(ctx.text[a:b])]
    low = {w.lower() for w in words}
    if len(words) == 1 and words[0] in PERSON:  # «– дейді кәсіпкер»: the one just introduced
        return resolve_back(ctx, content_start, window=2, fallback=False)
    if len(words) == 1 and words[0][:1].isupper():  # «– дейді Әлішер»: a given name alone
        given = slug(words[0])
        keys = {h.key for h in ctx.hits if h.end <= content_start and h.key.split("-")[0] == given}
        if len(keys) == 1:
            return keys.pop()
    if verb.startswith("деп") and not low & _TAIL_SPEECH:
        return None
    unknown = [w for w in words if w.lower() not in _TAIL_WORDS
               and not (w.islower() and w.endswith(("да", "де", "та", "те", "ға", "ге", "қа", "ке",
                                                    "ып", "іп")))]  # «– деді ол күліп»
    if unknown:
        return None
    return resolve_back(ctx, content_start)


def _after_intro(ctx: Context, start: int, end: int) -> int:
    """Where a pronoun or post in the tag of an unopened quotation looks back from: the end of
    the paragraph's first sentence where that sentence introduces a new speaker by post and
    name («Облыстық білім басқармасының басшысы Әлия Жұмабекова мектептерге тоқталды. Биыл
    6 мектеп салынды, – деді спикер.»), else the quotation's start."""
    first = next((s for s in ctx.sentences if start <= s.start < end), None)
    if first is None or first.end >= end or _WE.search(ctx.text, first.start, first.end):
        return start
    key = subject(ctx, first.start, first.end)
    if key and any(p.person_key == key and p.mention is not None
                   and first.start <= p.mention.start < first.end for p in ctx.posts):
        return first.end
    return start


def _tail_end(text: str, i: int, pairs: dict[int, tuple[int, int]]) -> int:
    """End of a tag's clause; a quoted name inside it («– дейді «Ақмешіт агро» ЖШС директоры
    Ғалым Сәрсенбаев.») does not end it.

    >>> t = "», – дейді «Ақмешіт агро» ЖШС директоры Ғалым Сәрсенбаев. Келесі"
    >>> o, c = t.index("«"), t.index("» ЖШС")
    >>> t[o:_tail_end(t, o - 1, {c: (o, o)})]
    '«Ақмешіт агро» ЖШС директоры Ғалым Сәрсенбаев'
    """
    end = clause_end(text, i)
    for _ in range(3):
        if end >= len(text) or text[end] not in "«„“":
            break
        close = next((c for c, (o, _) in pairs.items() if o == end), None)
        if close is None or close - end > 80 or not re.match(r"\s+[^\W\d_]", text[close + 1:]):
            break
        end = clause_end(text, close + 1)
    return end


def _tagged(ctx: Context, pairs: dict[int, tuple[int, int]],
            paras: list[tuple[int, int]]) -> list[_Raw]:
    text = ctx.text
    out: list[_Raw] = []
    last_tail: dict[int, int] = {}
    for m in _TAG.finditer(text):
        verb = m.group(1).lower()
        i = m.start() - 1
        while i >= 0 and text[i] in " \t\u00a0,":
            i -= 1
        glue = text[i + 1:m.start()]
        if i >= 0 and text[i] in _DASHES:
            glue = text[i:m.start()]
            i -= 1
            while i >= 0 and text[i] in " \t\u00a0,":
                i -= 1
        closer = i if i >= 0 and text[i] in _CLOSERS and i in pairs else None
        if closer is None and verb == "деп" and _AGENCY.match(text, m.end()):
            continue  # «…, деп хабарлайды Kazinform тілшісі»: the outlet's report, not speech
        if closer is None and "," not in glue and not any(d in glue for d in _DASHES):
            continue
        if verb == "деп" and _NAMING.match(text, m.end()):
            continue
        if verb == "деген" and not re.match(r"\s+(?:еді|болатын)", text[m.end():]):
            continue
        pa, pb = next(((a, b) for a, b in paras if a <= m.start() < b), (0, len(text)))
        tail_end = _tail_end(text, m.end(), pairs)
        if closer is not None:
            start, end = pairs[closer][1] + 1, closer
        else:
            end = i + 1
            if end <= pa:
                continue
            start = max([pa, last_tail.get(pa, pa)]
                        + [d.end() + pa for d in _DIALOGUE_DASH.finditer(text[pa:end])])
            if end - start > _LONGEST_PARAGRAPH:  # lines collapsed: keep the last sentences
                start = max(start, *[s.start for s in ctx.sentences if s.start < end][-3:])
            if start < end and text[start] in "«„“\"":
                start += 1
        last_tail[pa] = tail_end + 1
        tail = m.end()
        back = start if closer is not None else _after_intro(ctx, start, end)
        out.append(_Raw(start, end, "direct", lambda a=tail, b=tail_end, s=back, v=verb:
                        _tail_speaker(ctx, a, b, s, v)))
    return out


def _intro_speaker(ctx: Context, a: int, colon: int) -> str | None:
    intro = ctx.text[a:colon]
    key = subject(ctx, a, colon)
    if key:
        return key
    words = {w.lower() for w in WORD.findall(intro)}
    if words & PRONOUNS or (_SPEECH_INTRO.search(intro) and len(words) <= 3):
        return resolve_back(ctx, a)
    lead = " ".join(WORD.findall(intro)[:3])
    if _SPEECH_INTRO.search(intro) and _TITLE_SUBJECT.search(lead):
        return resolve_back(ctx, a)  # «Аудан басшысы … атап өтті:» names the person just mentioned
    return None


def _short_speaker(ctx: Context, a: int, colon: int, line_start: int) -> str | None:
    """A headline-style speaker: a line opening with a name or a post and a colon
    («Тоқаев: …», «Вице-министр: …»), at most three words."""
    words = WORD.findall(ctx.text[a:colon])
    if a != line_start or not words or len(words) > 3 or not words[0][0].isupper():
        return None
    noms = ctx.nominative(a, colon)
    if noms and noms[0].start - a <= 1:
        return noms[0].key
    return find_post(ctx, a, colon, pos=a, end_at=colon)


def _colon_opened(ctx: Context, pairs: dict[int, tuple[int, int]],
                  paras: list[tuple[int, int]]) -> list[_Raw]:
    text = ctx.text
    opened = {o: c for c, (o, _) in pairs.items()}
    out: list[_Raw] = []
    for m in re.finditer(r":[ \t]*(?:\n\s*)?(?P<o>[«„“\"]|[-–—―](?=\s)|(?=[^\W\d_]))", text):
        colon, o = m.start(), m.start("o")
        line_start = text.rfind("\n", 0, colon) + 1
        cut = max((k.end() for k in re.finditer(r"[.!?…](?=\s)", text[line_start:colon])),
                  default=0)
        a = line_start + cut
        intro = text[a:colon]
        noms = ctx.nominative(a, colon)
        is_caption = bool(noms) and len(WORD.findall(intro)) <= 16 and (
            any(h.start - a <= 2 for h in noms)
            # «Филиал төрағасы Серік Жүсіпов: «…»»: a post, the name, the colon, a quotation
            or m.group("o") in "«„“\"" and any(h.end >= colon - 1 for h in noms)
            and len(WORD.findall(intro)) <= 10)
        short = _short_speaker(ctx, a, colon, line_start)
        if short and o == m.end() and "\n" not in text[colon:o]:
            end = next((b for pa, b in paras if pa <= o < b), o)  # «Вице-министр: астық …»
            out.append(_Raw(o, end, "direct", lambda key=short: key, 1))
            continue
        if short and o in opened and "\n" not in text[colon:o]:  # «Бас дәрігер: «…»»
            out.append(_Raw(o + 1, opened[o], "direct", lambda key=short: key, 1))
            continue
        if not (_SPEECH_INTRO.search(intro) or is_caption):
            continue
        if o == m.end():  # «X атап өтті: биыл …» — speech to the end of the line
            if "\n" in text[colon:o] or not _SPEECH_INTRO.search(intro):
                continue
            start, end = o, next((b for pa, b in paras if pa <= o < b), o)
        elif o in opened:
            start, end = o + 1, opened[o]
        else:
            start = o + 1
            pi = next((k for k, (pa, pb) in enumerate(paras) if pa <= o < pb), None)
            if pi is None:
                continue
            end = paras[pi][1]
            for pa, pb in paras[pi + 1:]:
                if text[pa] not in _DASHES or _TAG.search(text, pa, pb):
                    break
                end = pb
        out.append(_Raw(start, end, "direct", lambda a=a, c=colon: _intro_speaker(ctx, a, c), 1))
    return out


def _captions(ctx: Context, paras: list[tuple[int, int]]) -> list[_Raw]:
    """«Айгүл Сейітова, аудандық білім бөлімінің басшысы:» or «Орталық директоры Сәуле
    Бекмұхамбетова:» + the next paragraph (with a dash or a quote mark for the second)."""
    text = ctx.text
    out: list[_Raw] = []
    for k, (pa, pb) in enumerate(paras):
        line = text[pa:pb]
        if k + 1 >= len(paras) or len(line) > 160 or line[-1] not in ":." or len(WORD.findall(line)) > 16:
            continue
        na, nb = paras[k + 1]
        noms = [h for h in ctx.nominative(pa, pb) if h.start - pa <= 2]
        if not noms:
            ends = [h for h in ctx.nominative(pa, pb) if h.end >= pb - 2]
            if line[-1] == ":" and ends and text[na] in _DASHES + "«„“\"" and not \
                    _SPEECH_INTRO.search(line):  # «Орталық директоры Name:» + «– …»
                out.append(_Raw(na, _caption_end(text, paras, k + 1), "caption",
                                lambda key=ends[-1].key: key, 2))
                continue
            if line[-1] == ":" and text[na] not in _DASHES + "«„“\"":
                key = _intro_speaker(ctx, pa, pb - 1)  # «Аудан әкімі X атап өтті:» + speech
                if key and (_SPEECH_INTRO.search(line) or any(h.end >= pb - 2 for h in
                                                              ctx.nominative(pa, pb))):
                    out.append(_Raw(na, nb, "direct", lambda key=key: key, 2))
            continue
        after = text[noms[0].end:pb - 1].strip()
        if after and not after.startswith(","):
            continue
        if line[-1] == "." and not (after and (text[na] in _DASHES + "«„“\""
                                                or _FIRST_PERSON.search(text, na, nb))):
            continue
        out.append(_Raw(na, _caption_end(text, paras, k + 1), "caption",
                        lambda key=noms[0].key: key, 2))
    return out


def _caption_end(text: str, paras: list[tuple[int, int]], k: int, most: int = 12) -> int:
    """End of the speech after a caption: its paragraph and the dialogue-dash lines right
    after it, or, when it opens a «…» left open at the paragraph end, every paragraph up
    to the one that closes it (a dialogue dash «– …» before the close means the quotation
    was never closed)."""
    na, nb = paras[k]
    if text[na] in _DASHES:  # «Name, post:» then «– …» lines: all of them are the speaker's
        for pa, pb in paras[k + 1:k + most]:
            if text[pa] not in _DASHES:
                break
            nb = pb
        return nb
    if text[na] != "«":
        return nb
    depth = 0
    for pa, pb in paras[k:k + most]:
        if pa > na and text[pa] in _DASHES:
            return nb
        depth += text.count("«", pa, pb) - text.count("»", pa, pb)
        if depth <= 0:
            return pb
    return nb


def _standalone(ctx: Context, pairs: dict[int, tuple[int, int]],
                paras: list[tuple[int, int]], taken: list[_Raw]) -> list[_Raw]:
    """A paragraph that is one quotation with no tag: its speaker is the subject of the
    previous paragraph's last sentences (nobody if that has no person)."""
    text = ctx.text
    out: list[_Raw] = []
    for close, (o, outer) in pairs.items():
        if o != outer or not any(pa == o for pa, _ in paras):
            continue
        pe = next((pb for pa, pb in paras if pa <= close < pb), None)
        if pe is None or text[close + 1:pe].strip(" .!?…") or close - o < 40:
            continue
        if any(r.start <= o + 1 < r.end or o + 1 <= r.start < close for r in taken):
            continue
        out.append(_Raw(o + 1, close, "direct", lambda p=o: resolve_back(ctx, p, window=2, fallback=False), 3))
    return out


def find_quotes(text: str, sentences: list[Sentence], people: list[Person],
                posts: list[Post]) -> list[Quote]:
    """Every span of reported speech with its speaker (a Person.key or None) and kind
    (direct | indirect | according_to | caption), sorted by position."""
    ctx = Context.build(text, sentences, people, posts)
    paras = paragraphs(text)
    pairs = pair_quotes(text)
    raws = _tagged(ctx, pairs, paras) + _colon_opened(ctx, pairs, paras) + _captions(ctx, paras)
    raws += _standalone(ctx, pairs, paras, raws)
    raws = [r for r in raws if r.end > r.start]
    quoted = [(o, c) for c, (o, _) in pairs.items()]
    quotes: list[Quote] = []
    for r in raws:
        ctx.masked = [(x.start, x.end) for x in raws if x is not r]
        quotes.append(Quote(start=r.start, end=r.end, speaker_key=r.speaker(), kind=r.kind))
    quotes += find_interview(ctx, paras)
    ctx.masked = quoted  # names inside «» are not subjects of indirect speech
    quotes += find_indirect(ctx)
    ctx.masked = []
    quotes += find_according(ctx)
    return unique_spans(quotes)


def unique_spans(quotes: list[Quote]) -> list[Quote]:
    """One quote per span, sorted by position: where two rules found the same span (a caption's
    speech and an interview answer), the first found wins (a span is one quote node).

    >>> q = [Quote(5, 9, "a", "caption"), Quote(0, 4, None, "indirect"), Quote(5, 9, "b", "direct")]
    >>> [(x.start, x.speaker_key, x.kind) for x in unique_spans(q)]
    [(0, None, 'indirect'), (5, 'a', 'caption')]
    """
    seen: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        seen.setdefault((q.start, q.end), q)
    return sorted(seen.values(), key=lambda q: (q.start, q.end))


__all__ = ["attribute_figures", "find_quotes", "pair_quotes", "paragraphs", "unique_spans"]
