"""The counted noun after a Kazakh number: the head of its noun phrase (spec §2 «unit»).

:func:`head_unit` walks the words after a number, skipping generic modifiers
(«жаңа», «ауылдық», participles, «мүгедектігі бар», the classifier «түп»), and
returns the unit of the noun phrase the number counts:

* a person noun → ``person``, also as the head of a compound («медицина
  қызметкері», «мектеп оқушысы»);
* an izafet compound «N₁ N₂-(с)ы/-(с)і» (bare noun + possessive noun) is one
  noun: «сынып бөлмесі», «қоқыс жәшігін» → ``қоқыс жәшігі``;
* a bare noun + agent noun in -ушы/-уші: «жұмыс беруші»;
* a relational adjective in -лық/-лік right before the head noun, and an unknown
  bare word before a known noun, name a kind of thing: «медициналық пункт»,
  «жазатайым оқиға» (generic adjectives — «жаңа», «ауылдық», «әлеуметтік» — are not kept);
* «N … шарасы жайлы/туралы хабарламаны»: the number counts the noun after the
  postposition (``хабарлама``).

>>> from kg.extract.numerals import tokenize
>>> def unit(s): return head_unit(tokenize(s, 0), 0, False)[0]
>>> unit("сынып бөлмесі салынады"), unit("қоқыс жәшігін орнату"), unit("жазатайым оқиға тіркелді")
('сынып бөлмесі', 'қоқыс жәшігі', 'жазатайым оқиға')
>>> unit("ауылдық медициналық пункт"), unit("медицина қызметкері"), unit("түп ағаш отырғызды")
('медициналық пункт', 'person', 'ағаш')
"""

from __future__ import annotations

import re

from kg.extract.numerals import Token
from kg.extract.units import (
    ADJ_ENDINGS,
    ADJECTIVES,
    COMPOUNDS,
    KNOWN,
    MEASURES,
    PERSON,
    STOP_WORDS,
    VERB_ENDINGS,
    lemma,
    unit_of,
)
from kg.normalise.morph import GENITIVE

__all__ = ["head_unit", "possessive_nominative"]

_LATIN = re.compile(r"[A-Za-z]")
#: classifiers between a number and its noun: «250 түп ағаш», «1 140 бірлік техника»
_CLASSIFIERS = frozenset({"түп", "бірлік", "дана"})
#: postpositions of «N X жайлы Y»: the number counts Y
_ABOUT = frozenset({"жайлы", "туралы", "жөнінде", "жөніндегі"})
#: possessive nouns that state a property or process of the counted noun, not a compound
_NOT_IZAFET = frozenset("""
құрылыс жұмыс мәселе сан құн баға сома көлем аумақ үлес тізім жоспар нәтиже жағдай
мерзім ұзындық қуат өкіл тұрғын мүше иесі ие
""".split())
#: generic institution nouns named by their relational adjective: «медициналық пункт»
_TYPE_HEADS = frozenset("пункт бекет орталық мекеме ұйым кешен станция іс".split())
_RELATIONAL = ("лық", "лік", "дық", "дік", "тық", "тік")
_POSS_RE = re.compile(
    r"(?P<nom>.{2,}?(?:(?<=[аәеиоөұүыіэюя])с[ыі]|(?<![аәеиоөұүыіэюя])[ыі]))"
    r"(?:н|ның|нің|на|не|нда|нде|нан|нен|мен|ндағы|ндегі)?")
_PLAIN_CASE = re.compile(r"(?:да|де|та|те|ға|ге|қа|ке|дан|ден|тан|тен|нан|нен|ды|ді|ты|ті|дың|дің|тың|тің|ның|нің)")
_AGENT = re.compile(r".+?(?:ушы|уші|юшы|юші)|.{2,}?(?:ғыш|гіш|қыш|кіш)")
_ACCUSATIVE = ("ны", "ні", "ды", "ді", "ты", "ті")
_OBLIQUE = ("да", "де", "та", "те", "ға", "ге", "қа", "ке", "нан", "нен", "дан", "ден")
_PRONOUNS = frozenset("өзі өзінің өздері бәрі барлығы әрқайсысы біреуі көбі".split())
_ORDINAL = re.compile(r"(?:ншы|нші)(?:$|[сн])")


def possessive_nominative(word: str) -> str | None:
    """The 3rd-person possessive nominative of a possessive noun form, else None.

    >>> possessive_nominative("жәшігін"), possessive_nominative("бөлмесі"), possessive_nominative("орнына")
    ('жәшігі', 'бөлмесі', 'орны')
    >>> possessive_nominative("оқиға"), possessive_nominative("салуы")
    (None, None)
    """
    m = _POSS_RE.fullmatch(word)
    if not m:
        return None
    nom = m.group("nom")
    stem = nom[:-2] if nom[-2:] in ("сы", "сі") else nom[:-1]
    if stem.endswith(("у", "ю")) or len(stem) < 2:
        return None  # a verbal noun: «салуы», «жөндеуі»
    return nom


def _plain_case(word: str) -> bool:
    """A known noun with a bare case ending («кәсіпорында» = кәсіпорын + да), which
    :func:`possessive_nominative` would misread as possessive."""
    lem = lemma(word)
    return lem in KNOWN and word.startswith(lem) and bool(_PLAIN_CASE.fullmatch(word[len(lem):]))


_NOT_BARE = ADJ_ENDINGS + tuple(e for e in VERB_ENDINGS if e not in ("уда", "уде"))  # «сауда»


def _bare(w: str) -> bool:
    """A noun with no ending and no adjective/verb suffix: «сынып», «қоқыс», «медицина»."""
    lem = lemma(w)
    nominative = lem == w or (w.endswith(("да", "де", "та", "те")) and lem not in KNOWN)  # «сауда»
    return (nominative and w not in ADJECTIVES and w not in STOP_WORDS and w not in MEASURES
            and (w in KNOWN or not w.endswith(_NOT_BARE))
            and not w.endswith(("у", "ю")) and len(w) > 2)


def _compound(w: str, nxt: str, nxt2: str) -> str | None:
    """The unit of a two-word noun «w nxt» (see module doc), else None."""
    if (not nxt or nxt in STOP_WORDS | ADJECTIVES | _PRONOUNS or _LATIN.match(nxt)
            or _ORDINAL.search(nxt)):
        return None
    nlem = lemma(nxt)
    if nxt in ("жұмыс", "еңбек") and nxt2.startswith(("істе", "ет")):
        return None  # «18 бөлімше жұмыс істейді»: a verb phrase, not «бөлімше жұмысы»
    agent = _AGENT.match(nxt)
    if lemma(w) in PERSON and (agent or nlem in PERSON):
        return "person"  # «35 кәсіпкер демеуші болды», «кәсіпкер әйел»: people either way
    if agent and _bare(w) and agent.group() not in PERSON and not nxt.endswith(("лық", "лік")):
        return f"{w} {agent.group()}"  # «жұмыс берушілерге» → жұмыс беруші; «тұқым сепкіш»
    poss = possessive_nominative(nxt)
    if poss and nlem in PERSON and _bare(w) and lemma(w) not in PERSON:
        return "person"  # «қонақүй иесі», «ауыл тұрғыны»: a person noun heads the compound
    if lemma(w) in KNOWN and nlem not in KNOWN:
        return None  # «23 мыңға жуық бала бірінші сыныпқа»: only known nouns join a known one
    if _bare(w):
        poss = possessive_nominative(nxt)
        if poss and _plain_case(nxt):
            poss = None  # «студент кәсіпорында»: кәсіпорын + locative, not a possessive
        if poss and nxt2 in ("бар", "жоқ") and nlem not in KNOWN:
            poss = None  # «мүгедектігі бар» (but «2 400 спорт нысаны бар»)
        if poss and re.search(r"[дт][ыі]$|[аәеиоөұүыіэюя]н[ыі]$", poss) and not (
                nlem in KNOWN and poss == nlem + poss[-1]):
            poss = None  # an accusative («мектепті») or a verb («оқиды», «келді»)
        if poss and poss.endswith(("лы", "лі")) and nlem not in KNOWN:
            poss = None  # an adjective: «жүйелі», «білімді»
        if poss and nlem not in _NOT_IZAFET and not nxt.endswith(VERB_ENDINGS):
            return "person" if nlem in PERSON else f"{w} {poss}"
        if lemma(w) not in KNOWN and nlem in KNOWN and nlem not in ADJECTIVES | STOP_WORDS:
            return "person" if nlem in PERSON else f"{w} {unit_of(nxt)}"
    if w.endswith(_RELATIONAL) and w not in ADJECTIVES and len(w) > 5 and nlem in _TYPE_HEADS:
        return f"{w} {unit_of(nxt)}"
    return None


def _words(toks: list[Token], k: int, n: int) -> list[str]:
    out = []
    for t in toks[k : k + n]:
        if t.kind != "word":
            break
        out.append(t.low)
    return out + [""] * (n - len(out))


def _head(toks: list[Token], k: int, word_num: bool) -> tuple[str | None, int]:
    skipped, fallback = 0, None
    while k < len(toks) and toks[k].kind == "word" and skipped <= (2 if word_num else 3):
        w, nxt, nxt2 = _words(toks, k, 3)
        if w in STOP_WORDS or _LATIN.match(w):
            return fallback or (None, k)
        if w in _CLASSIFIERS and nxt:
            k += 1
            continue
        if nxt2 in ("бар", "жоқ") and nxt.endswith(("ы", "і")) and len(toks) > k + 3 and \
                toks[k + 3].kind == "word" and lemma(w) not in PERSON:
            k, skipped = k + 3, skipped + 1  # «1 150 қант диабеті бар науқас»: who has it
            continue
        if (w, lemma(nxt)) in COMPOUNDS:
            return COMPOUNDS[(w, lemma(nxt))], k + 1
        if "-" in w and not w.endswith(_RELATIONAL) and unit_of(w) == "person":
            return "person", k  # «бизнес-тренер»
        if ((nxt, lemma(nxt2)) in COMPOUNDS and (lemma(w) == w or w.endswith(ADJ_ENDINGS))
                and not w.endswith(VERB_ENDINGS)):
            return COMPOUNDS[(nxt, lemma(nxt2))], k + 2  # «бос жұмыс орны»: a modifier
        comp = _compound(w, nxt, nxt2)
        if comp:
            return comp, k + 1
        if (nxt.endswith(("у", "ю")) and len(nxt) > 4 and lemma(w) == w and len(w) >= 2
                and w not in ADJECTIVES | STOP_WORDS and not w.endswith(VERB_ENDINGS)
                and possessive_nominative(nxt2) and not nxt2.endswith(VERB_ENDINGS)
                and nxt2 not in STOP_WORDS and nxt2 not in ("үшін", "кезінде", "бойы")
                and not _plain_case(nxt2)):
            # «астық қабылдау пунктінің»: noun + verbal noun + possessive noun
            return f"{w} {nxt} {possessive_nominative(nxt2)}", k + 2
        lem = lemma(w)
        if k > 0 and toks[k].text[:1].isupper() and lem not in KNOWN | PERSON:
            return fallback or (None, k)  # «800 мыңнан астамы Алакөл жағалауында»: a name
        if (lem in PERSON and possessive_nominative(nxt) and not _plain_case(nxt)
                and lemma(nxt) in KNOWN
                and not w.endswith(GENITIVE)
                and lemma(nxt) not in PERSON | ADJECTIVES):
            return unit_of(nxt), k + 1  # «2 жастар орталығы»: the institution
        if lem in PERSON and w.endswith(("лық", "лік", "дық", "дік", "тық", "тік")) and nxt:
            k, skipped = k + 1, skipped + 1  # «24 дәрігерлік амбулатория»: an adjective
            continue
        if lem in PERSON and not (nxt and lemma(nxt) in PERSON and lem != lemma(nxt)):
            return "person", k
        if w in ADJECTIVES or (w.endswith(("ты", "ті", "ды", "ді")) and len(w) > 4
                               and lemma(nxt) in KNOWN | PERSON and lemma(nxt) != lemma(w)
                               and (nxt == lemma(nxt) or nxt.endswith(_ACCUSATIVE))
                               and nxt not in STOP_WORDS and not nxt.endswith(VERB_ENDINGS)):
            # an adjective in -ты agrees with nothing: its noun carries the phrase's case
            # («апатты учаскені»); an accusative noun is followed by another case («ауылды газбен»)
            k, skipped = k + 1, skipped + 1  # «300-ден астам апатты учаскені»: an adjective
            if k + 1 < len(toks) and toks[k].text.lower() in ("және", "мен", "немесе") and \
                    toks[k + 1].text.lower() in ADJECTIVES:
                k, skipped = k + 1, skipped - 1  # «ауызша және жазбаша өтініш»: one noun
            continue
        if lem in KNOWN and lem not in ADJECTIVES:
            return unit_of(w), k
        if nxt in ("бар", "жоқ") and w.endswith(("ы", "і")):
            k, skipped = k + 2, skipped + 1
            continue
        if lem in PERSON or (w.endswith(ADJ_ENDINGS) and len(w) > 4):
            if fallback is None and not w.endswith(("ған", "ген", "қан", "кен")):
                fallback = (unit_of(w), k)
            k, skipped = k + 1, skipped + 1
            continue
        if w.endswith(VERB_ENDINGS) or len(w) < 2 or (word_num and w.endswith("п") and len(w) < 5):
            return fallback or (None, k)
        if (nxt.endswith(("у", "ю")) and nxt2.endswith(("ы", "і")) and nxt2 not in STOP_WORDS
                and not w.endswith(_OBLIQUE)):
            return unit_of(nxt2), k + 2  # «қызметтер көрсету орталығы»
        if w.endswith(("у", "ю")) and len(w) > 3 and _AGENT.fullmatch(nxt):
            return f"{w} {nxt}", k + 1  # «жылу есептегіш»
        if w.endswith(("у", "ю")) and nxt.endswith(("ы", "і", "сы", "сі")) and lemma(nxt) in KNOWN:
            poss = possessive_nominative(nxt)
            if (skipped == 0 or toks[k - 1].low in ADJECTIVES) and poss and len(w) > 4:
                return f"{w} {poss}", k + 1  # «құтқару бекеті»: verbal noun + possessive noun
            return unit_of(nxt), k + 1
        return unit_of(w), k
    return fallback or (None, k)


def head_unit(toks: list[Token], k: int, word_num: bool) -> tuple[str | None, int]:
    """Unit and token index of the counted noun at/after ``toks[k]`` (see module doc);
    (None, k) if none."""
    unit, h = _head(toks, k, word_num)
    if unit is None:
        return unit, h
    nxt, nxt2 = _words(toks, h + 1, 2)
    if nxt in _ABOUT and nxt2 and lemma(nxt2) in KNOWN and not nxt2.endswith(VERB_ENDINGS):
        inner, h2 = _head(toks, h + 2, word_num)  # «шарасы жайлы хабарламаны»
        if inner is not None:
            return inner, h2
    return unit, h
