"""Find and parse figures (spec §2) in Kazakh news text, by rules.

:func:`find_figures` scans every sentence for a number (digits or words, see
:mod:`kg.extract.numerals`), reads what follows it — scale word, ``%``/пайыз,
money or measure word, qualifier, counted noun — and what precedes it
(«кемінде», «шамамен», «$»), and returns one :class:`kg.model.Figure` per
quantity. A range («27 680-32 005 теңге», «2-ден 4%-ға дейін») gives one
figure per bound, both ``exact``; the lower bound borrows the upper's unit and
scale («5-7 млн теңге» → 5000000 and 7000000).

Qualifiers: ``approximately`` (N-ға жуық/тарта/таяу, N шақты, N-дай, шамамен N),
``more_than`` (N-нан астам/артық/аса/көп), ``at_least`` (кемінде N, N-нан кем
емес, N және одан да көп), ``up_to`` (N-ға дейін, N-нан аспайтын, ең көбі N).

Units: see :mod:`kg.extract.units` and :mod:`kg.extract.heads` (the counted noun
phrase). A number with no noun after it («27 964-і»,
«Олардың 557-сі», «27 007-ге төмендету») is a part of / compared with an
earlier figure: it takes the unit of the latest earlier figure of the article
that counts things (not %, money or a measure); a scaled one («3 млрд-ы»)
first tries the latest money/measure unit; failing all, ``person``.

Not figures: dates and years, durations, ages, ordinals («2-ші», «5-бап»,
«бірінші», Roman numerals), clock times, phones, URLs, e-mails, view counters
(«Көрілімдер:93»), a number alone on its line, list numbering, «№ 5», vague
words (мыңдаған, жүздеген, екеуі, бірнеше) and a lone «бір» (an article, or a
set phrase: «бір реттік», «бір адамға шаққандағы», «бір топ»).

>>> from kg.model import Sentence
>>> t = "Жобаға 18 мыңға жуық адам тартылды, 92,5 млн теңге бөлінді."
>>> [(f.text, f.value, f.unit, f.qualifier) for f in find_figures(t, [Sentence(0, len(t))])]
[('18 мыңға жуық', Decimal('18000'), 'person', 'approximately'), ('92,5 млн теңге', Decimal('92500000'), 'KZT', 'exact')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.extract.heads import head_unit, possessive_nominative
from kg.extract.nonfigures import age_at, date_after_month, elders_over, num_excluded, youths
from kg.extract.numerals import (
    Token,
    clean,
    digits_value,
    parse_number,
    read_number,
    tokenize,
    word_number,
)
from kg.extract.qualifiers import APPROX_SUF, BEFORE, BEFORE2, after_qualifier, is_ablative
from kg.extract.units import (
    AEK,
    CAPACITY,
    COMPOUNDS,
    KNOWN,
    MEASURES,
    PERSON,
    is_age,
    is_month,
    is_time_word,
    lemma,
    unit_of,
)
from kg.model import Figure, Sentence
from kg.normalise.morph import GENITIVE

__all__ = ["find_figures", "parse_number"]

_MASK_RE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|\b[\w.-]+\.(?:kz|com|ru|org|net|info|gov)\b\S*"
    r"|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b"
    r"|(?:\+7|\b8)[\s-]?\(?7\d{2,3}\)?[\s-]?\d{2,3}[\s-]?\d{2}[\s-]?\d{2}\b"
    r"|«[^«»\n]{0,40}»"
    r"|\(\d{4,5}\)\s?\d[\d\s-]{4,}",
    re.IGNORECASE,
)
_ORDINAL = ("ші", "шы", "інші", "ыншы", "нші", "ншы")
_CASE_SUF = frozenset("""
і ы сі сы ін ын сін сын іне ына сіне сына інен ынан сінен сынан інде ында сінде сында інің ының
сінің сының імен ымен сімен сымен ке ге қа ға а е не на ні ны ді ды ті ты де да те та нде нда
ден дан тен тан нен нан нің ның дің дың тің тың мен бен пен дай дей тай тей ндай ндей лар лер
дар дер тар тер ыншы ақ дайы дейі тайы тейі
""".split()) - set(_ORDINAL)
_ORD_WORD = re.compile(
    r"(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|алпыс|жетпіс"
    r"|сексен|тоқсан|жүз|мың|миллион)(?:інші|ыншы|нші|ншы|ыншы)"
)
_LATIN = re.compile(r"[A-Za-z]")
_OF_THEM = frozenset({"олардың", "оның", "бұлардың", "солардың", "соның"})
#: a plural genitive before «N-і»: the partitive «X-лердің N-і»
_PARTITIVE = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:дың|дің|ының|інің)$")  # «…лерінің»
_POSS_SUF = frozenset({"і", "ы", "сі", "сы"})
#: a plural active participle in the genitive: those who did it («тұрғандардың», «қатысқандардың»;
#: not a passive one such as «салынғандардың», the stem in -ыл/-ін/-н…)
_DOERS = re.compile(r"(?![^\W\d_]{2,}(?:ыл|іл|ын|ін|л|н)(?:ған|ген|қан|кен))"
                    r"[^\W\d_]{2,}(?:ған|ген|қан|кен)(?:дар|дер|тар|тер)(?:дың|дің)")
_POSS_QUALIFIERS = frozenset({"жуығы", "астамы", "артығы", "аса", "көбі"})
#: collective numerals with a possessive: «4-еуі», «2-еуіне», «3-еуінде»
_COLLECTIVE = re.compile(r"(?:е|а)?у[іы](?:н|нің|ның|не|на|нде|нда|нен|нан)?")
_SOLAR = ("панел", "батарея", "электр", "станция", "энергия", "модул")
_BEFORE_NOT = frozenset("сағат сағ ж жасы жасында кешкі түнгі таңғы таңертеңгі түскі түстен"
                        " нөмірі №".split())
_COUNT_OF = ("саны", "санын", "мөлшері", "көлемі", "қатары")
#: nouns for money: a scaled number of them is an amount in tenge
_MONEY_NOUNS = frozenset({"қаржы", "қаражат", "ақша", "бюджет", "инвестиция", "қор"})
_WHEN_ADJ = frozenset({"былтырғы", "биылғы", "бұрынғы", "өткен", "алдыңғы"})
_COUNT_EXCL = frozenset({"percent", "KZT", "USD", "RUB", "EUR", "CNY", "есе"}) | frozenset(
    MEASURES.values())


@dataclass
class _Phrase:
    start: int  # token index of the number
    stop: int  # token index after the figure's surface
    value: Decimal
    unit: str | None
    qualifier: str
    scaled: bool
    raw: Decimal


def _partitive(toks: list[Token], i: int) -> _Phrase | None:
    """«мердігерлердің 11-і», «түлектердің 1 100-ге жуығы»: N of the X, unit X's."""
    t = toks[i]
    if i == 0 or t.kind != "num" or not _PARTITIVE.search(toks[i - 1].low):
        return None
    unit = unit_of(toks[i - 1].low)
    if unit in ("олар", "бұлар", "солар"):
        named = _dash_noun(toks, i + 1) if t.suffix in _POSS_SUF else None
        v = digits_value(t.text) if named else None
        return None if v is None else _Phrase(i, i + 1, v, named, "exact", False, v)
    if _DOERS.fullmatch(toks[i - 1].low):
        unit = "person"  # «жұмысқа тұрғандардың 11 400-і»: of those who got a job
    if t.suffix in _POSS_SUF:
        v = digits_value(t.text)
        unit = _dash_noun(toks, i + 1) or unit  # «нысандардың 19-ы – медициналық пункт»
        return None if v is None else _Phrase(i, i + 1, v, unit, "exact", False, v)
    got = read_number(toks, i)
    if got is None or got[1] >= len(toks) or toks[got[1]].low not in _POSS_QUALIFIERS:
        return None
    val, j, ending, scaled = got
    q, stop = after_qualifier(toks, j, ending)
    return _Phrase(i, stop, clean(val), unit, q or "exact", scaled, digits_value(t.text) or val)


def _dash_noun(toks: list[Token], k: int) -> str | None:
    """«Олардың 14-і – медициналық пункт, 7-еуі – …»: the noun a share is said to be, after a
    dash and ending its clause; None otherwise («оның 11-і – биыл пайдалануға берілді»)."""
    if k >= len(toks) or toks[k].text not in ("–", "—", "-"):
        return None
    unit, h = head_unit(toks, k + 1, False)
    if unit is None or h - k > 3 or toks[h].low != unit.split()[-1]:
        return None  # «олардың 9-ы – жаңа шағын аудандарда»: where they are, not what
    after = toks[h + 1].text if h + 1 < len(toks) else "."
    return unit if after in (",", ".", ";", "және") else None


def _phrase(text: str, toks: list[Token], i: int) -> _Phrase | None:
    """Read the figure whose number starts at ``toks[i]``."""
    t = toks[i]
    word_num = t.kind == "word"
    if t.kind == "num" and t.suffix and _COLLECTIVE.fullmatch(t.suffix) and t.text.isdigit():
        v = Decimal(t.text)  # «13 ауданынан 4-еуі»: the noun is the earlier one
        return _Phrase(i, i + 1, v, _dash_noun(toks, i + 1), "exact", False, v)
    part = _partitive(toks, i)
    if part is not None:
        return part
    if t.kind == "num" and t.suffix:
        if t.suffix.startswith(_ORDINAL) or t.suffix not in _CASE_SUF:
            return None
    got = read_number(toks, i)
    if got is None:
        return None
    val, j, ending, scaled = got
    raw = digits_value(t.text) if not word_num else val
    prev = toks[i - 1].low if i > 0 else ""
    if date_after_month(prev, toks[j] if j < len(toks) else None, t, val) \
            or prev in _BEFORE_NOT or _LATIN.match(prev):
        return None
    if (t.kind == "num" and val == 1 and j < len(toks) and toks[j].kind == "word"
            and possessive_nominative(toks[j].low) and j + 1 < len(toks)
            and toks[j + 1].kind == "num"):
        return None  # «1 литрі 295 теңгеден»: a price per unit
    if t.kind == "num" and i + 1 < len(toks) and toks[i + 1].text == "(" and t.text in ("8", "+7"):
        return None  # a telephone number «8 (72633) 2-14-56»
    k = j
    while k + 1 < len(toks) and toks[k].low in ("және", "мен", "бен", "немесе", "не", ",", "-", "–"):
        k += 1
    if k > j and toks[k].kind in ("num", "word"):
        r2 = read_number(toks, k)
        w2 = toks[r2[1]].low if r2 and r2[1] < len(toks) else ""
        if w2 and (is_time_word(w2) or is_age(w2) or is_month(w2) or age_at(toks, r2[1])):
            return None
    if word_num and t.low == "тоқсан" and (
        re.fullmatch(r"[IVXІ]+", toks[i - 1].text if i else "") or (i and toks[i - 1].kind == "num")
    ):
        return None
    unit: str | None = None
    if i > 0 and toks[i - 1].text in ("$", "€", "₸"):
        unit = MEASURES[toks[i - 1].text]
    nxt = toks[j].low if j < len(toks) and toks[j].kind == "word" else ""
    nxt2 = toks[j + 1].low if j + 1 < len(toks) else ""
    if nxt and not youths(nxt, nxt2, val) and (is_month(nxt) or is_age(nxt) or nxt in ("ж", "жж")
                              or _ORD_WORD.match(nxt)
                or _LATIN.match(nxt)):
        return None
    ahead = [x.low for x in toks[j:j + 4]]
    if nxt.startswith(("нөмір", "call")) or any(
            a == "байланыс" and b.startswith("орталы") for a, b in zip(ahead, ahead[1:], strict=False)) or (
            nxt in ("немесе", "не", "және") and any(a.startswith("нөмір") for a in ahead[2:])):
        return None  # a hotline: «1414 байланыс орталығы», «101 немесе 112 нөміріне»
    if nxt.startswith("жұлдызд"):
        return None  # «5 жұлдызды қонақүй»: a rating
    aek = nxt.split("-")[0] == "аек" or nxt == "айлық" and nxt2.startswith(("есеп", "көрсеткіш"))
    # «400 АЕК-ке дейін»: the abbreviation with its case ending after a hyphen
    if nxt and is_time_word(nxt) and not aek and not (nxt == "күн" and nxt2.startswith(_SOLAR)):
        return None
    if age_at(toks, j):
        return None
    if ending == "ақ":
        ending = ""
    if aek:
        j += 1
        while j < len(toks) and toks[j].low.startswith(("есеп", "көрсеткіш")):
            j += 1
        unit, ending = AEK, toks[j - 1].low
    elif j < len(toks) and toks[j].kind == "pct":
        unit, ending, j = "percent", toks[j].suffix, j + 1
    elif nxt:
        if nxt == "ақш" and j + 1 < len(toks) and lemma(toks[j + 1].low) == "доллар":
            j += 1
            nxt = toks[j].low
        lem = lemma(nxt)
        nxt2 = toks[j + 1].low if j + 1 < len(toks) else ""
        if (nxt, lemma(nxt2)) in COMPOUNDS and COMPOUNDS[(nxt, lemma(nxt2))] in _COUNT_EXCL:
            unit, ending, j = COMPOUNDS[(nxt, lemma(nxt2))], nxt2, j + 2
        elif lem in MEASURES and lem not in ("м", "ц") or (lem in ("м", "ц") and not word_num):
            unit, ending, j = MEASURES[lem], nxt, j + 1
        else:
            cap = re.match(r"(.+?)(?:лық|лік|дық|дік|тық|тік|лы|лі|ды|ді|ты|ті)$", nxt)
            last = cap.group(1).rsplit("-", 1)[-1] if cap else ""
            if cap and (cap.group(1) in CAPACITY or lemma(cap.group(1)) in CAPACITY
                        or "-" in cap.group(1) and last in CAPACITY):  # «төсек-орындық»
                base = cap.group(1) if cap.group(1) in CAPACITY or "-" in cap.group(1) \
                    else lemma(cap.group(1))
                unit, ending, j = MEASURES.get(base, base), "", j + 1
    qual = "approximately" if ending.startswith(APPROX_SUF) else None
    stop = j
    q, j2 = after_qualifier(toks, j, ending)
    if q:
        qual, stop = q, j2
        w2 = toks[j2].low if j2 < len(toks) else ""
        nx2 = toks[j2 + 1].low if j2 + 1 < len(toks) else ""
        if w2 and (is_time_word(w2) or (is_age(w2) and not youths(w2, nx2, val))
                   or elders_over(toks[j].low, w2)):
            return None
    if unit is None and not ending:
        u, h = head_unit(toks, stop, word_num)
        if u is not None:
            unit = u
            q, j2 = after_qualifier(toks, h + 1, toks[h].low)
            if q and not qual:
                qual, stop = q, j2
    elif (unit is None and qual and ending and not ending.endswith(("ы", "і"))
          and not (prev in _OF_THEM and toks[stop - 1].low.endswith(("ы", "і")))):
        # («олардың мыңға жуығы ауылдық жерлерде»: «of them», the noun is the earlier one)
        u, h = head_unit(toks, stop, word_num)
        w = toks[h].low if h < len(toks) else ""
        # «180-ге дейін қысқарды»: a finite verb, not a noun — the noun is elided
        unit = None if w.endswith(("ды", "ді", "ты", "ті")) and lemma(w) not in KNOWN else u
    if unit is None and prev.endswith(GENITIVE) and lemma(prev) in KNOWN and (
            ending in _POSS_SUF or scaled and lemma(prev) in _MONEY_NOUNS):
        # «депутаттың жиырма бірі» (N of the X), «қаржының 1,2 миллиардын» (of the funds)
        unit = "KZT" if lemma(prev) in _MONEY_NOUNS else unit_of(prev)
    if scaled and unit in _MONEY_NOUNS:
        unit = "KZT"  # «2,4 миллиардтан астам қаржы»
    if word_num:
        if unit is None and not scaled and not qual and prev not in _COUNT_OF:
            return None
        if val == 1 and j == i + 1 and (unit is None or unit not in _COUNT_EXCL):
            return None
        if val == 1 and j < len(toks) and toks[j].low in ("үшін", "сайын"):
            return None  # «бір шаршы метр үшін 95 теңге»: a rate's base, not a count
    if qual is None:
        two = (toks[i - 2].low, prev) if i > 1 else ("", "")
        qual = BEFORE.get(prev) or BEFORE2.get(two) or "exact"
    back = 1 if prev not in _WHEN_ADJ or i < 3 else 2  # «отбасылар санын былтырғы 900-ден»
    if unit is None and toks[i - back].low not in _COUNT_OF:
        # «Кооперативтер саны соңғы 3 жылда 11-ден 27-ге дейін өсті»: words between
        back = next((b for b in range(2, min(i, 6)) if toks[i - b].low in _COUNT_OF and all(
            toks[m].text not in (",", ";", ":", "–", "—") for m in range(i - b, i))), back)
    if unit is None and toks[i - back].low in _COUNT_OF and i > back and \
            toks[i - back - 1].kind == "word":
        noun, before = toks[i - back - 1].low, toks[i - back - 2] if i > back + 1 else None
        u = unit_of(noun)
        if before is not None and before.kind == "word" and (before.low, u) in COMPOUNDS:
            u = COMPOUNDS[(before.low, u)]  # «шаруа қожалықтарының саны 58-ге жетті»
        unit = None if u in ("оның", "олардың", "соның", "бұлардың", "ол", "олар", "бұлар",
                             "солар", "бұл") else u  # «олардың саны 27-ге дейін»: elided
    if unit is None and i > 0 and prev in ("балл", "балы"):
        unit = "балл"  # «орташа балл 72,4 болды»: the measure named before the number
    if (unit not in _COUNT_EXCL and "," not in t.text and " " not in t.text
            and 1900 <= val <= 2100 and (word_num or (len(t.text) == 4 and not scaled))
            and (t.suffix or unit is None or unit not in PERSON | KNOWN | {"person"})
            and qual == "exact"):
        return None
    return _Phrase(i, max(stop, i + 1), clean(val), unit, qual, scaled, raw or val)


def _scan(text: str, toks: list[Token], masks: list[tuple[int, int]]) -> list[_Phrase]:
    out: list[_Phrase] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind == "num" and num_excluded(text, t, masks):
            i += 1
            continue
        if t.kind == "word" and word_number(t.text) is None or t.kind not in ("num", "word"):
            i += 1
            continue
        ph = _phrase(text, toks, i)
        rn = read_number(toks, i)
        skip_to = max(i + 1, rn[1] if rn else i + 1)
        # dash range «27 680-32 005 теңге», «5–7 млн»
        if (t.kind == "num" and not t.suffix and i + 2 < len(toks) and toks[i + 1].kind == "dash"
                and toks[i + 2].kind == "num" and not num_excluded(text, toks[i + 2], masks)):
            up = _phrase(text, toks, i + 2)
            low = digits_value(t.text)
            years = len(t.text) == 4 and len(toks[i + 2].text) == 4 and 1900 <= (low or 0) <= 2100
            if up is None or years or low is None:
                i += 3
                continue
            out.append(_lower(low, up, i))
            up.qualifier = "exact"
            out.append(up)
            i = up.stop
            continue
        if ph is None:
            i = skip_to
            continue
        # ablative range «2-ден 4%-ға дейін», «5 мыңнан 10 мыңға дейін»
        if ph.stop < len(toks) and toks[ph.stop].kind in ("num", "word") and ph.unit is None:
            end_tok = toks[ph.stop - 1]
            if is_ablative(end_tok.suffix or end_tok.low) and ph.qualifier == "exact":
                up = _phrase(text, toks, ph.stop)
                if up is not None and toks[up.stop - 1].low == "дейін":
                    out.append(_lower(ph.raw if not ph.scaled else ph.value, up, i,
                                      scaled=ph.scaled))
                    up.qualifier = "exact"
                    out.append(up)
                    i = up.stop
                    continue
        out.append(ph)
        i = ph.stop
    return out


def _lower(low: Decimal, up: _Phrase, i: int, scaled: bool = False) -> _Phrase:
    """The lower bound of a range, borrowing the upper bound's unit and scale."""
    val = low
    if up.scaled and not scaled and up.raw and low <= up.raw:
        val = low * (up.value / up.raw)
    return _Phrase(i, i + 1, clean(val), up.unit, "exact", up.scaled, low)


def _resolve(unit: str | None, scaled: bool, earlier: list[Figure]) -> str:
    """Unit of a number whose noun is elided (see module doc)."""
    if unit is not None:
        return unit
    if scaled:  # «… 64,5 млрд теңге … тағы 5 млрд» but «41 мың жұмыс орны, оның 29 мыңы»
        for f in reversed(earlier):
            if f.unit not in ("percent", "есе"):
                return f.unit
    for f in reversed(earlier):
        if f.unit not in _COUNT_EXCL:
            return f.unit
    return "person"


#: a finite verb ending a short quotation: speech, not a name («Биыл 320 жұмыс орны ашылады»)
_VERB_END = re.compile(r"(?:ады|еді|йды|йді|ды|ді|ты|ті|мыз|міз|ған|ген)[.!]?»$")


def _quoted_speech(text: str, m: re.Match[str]) -> bool:
    """Whether a short «…» the mask would hide is speech: after a colon (a headline «Name:
    «…»»), or four words and more that end in a finite verb.

    >>> t = "Ғабит Нұрғожин: «Биыл 320 жаңа жұмыс орны ашылады»; «Ауыл жастары 2030» жобасы"
    >>> [m.group() for m in _MASK_RE.finditer(t) if not _quoted_speech(t, m)]
    ['«Ауыл жастары 2030»']
    """
    if not m.group().startswith("«"):
        return False
    if text[max(0, m.start() - 2):m.start()].rstrip().endswith(":"):
        return True
    return len(m.group().split()) >= 4 and bool(_VERB_END.search(m.group()))


def find_figures(text: str, sentences: list[Sentence]) -> list[Figure]:
    """Every figure of every sentence, in text order (see module doc).

    >>> from kg.model import Sentence
    >>> t = "35 604 мүгедектігі бар адамның 33 368-і қамтылды. 2020 жылы 5 мыңнан астам."
    >>> ss = [Sentence(0, 50, index=0), Sentence(51, len(t), index=1)]
    >>> [(f.value, f.unit, f.qualifier, f.sentence_index) for f in find_figures(t, ss)]
    [(Decimal('35604'), 'person', 'exact', 0), (Decimal('33368'), 'person', 'exact', 0), (Decimal('5000'), 'person', 'more_than', 1)]
    """
    masks = [m.span() for m in _MASK_RE.finditer(text) if not _quoted_speech(text, m)]
    figures: list[Figure] = []
    for s in sentences:
        toks = tokenize(text[s.start : s.end], s.start)
        for ph in _scan(text, toks, masks):
            a, b = toks[ph.start].start, toks[ph.stop - 1].end
            if ph.start > 0 and toks[ph.start - 1].text in ("$", "€", "₸"):
                a = toks[ph.start - 1].start
            figures.append(Figure(
                start=a, end=b, text=text[a:b], value=ph.value,
                unit=_resolve(ph.unit, ph.scaled, figures), qualifier=ph.qualifier,
                sentence_index=s.index,
            ))
    return figures
