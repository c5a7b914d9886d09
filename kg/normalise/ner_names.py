"""Names the NER model tagged as PERSON that no rule found, parsed into name hits.

The rules in :mod:`kg.normalise.people` find names by lexicon and shape; the model
adds the rest. A tagged name word may carry a case ending the model kept inside the
span («Сәрсенбайға»): :func:`name_nominative` strips it.

>>> from kg.model import Mention
>>> text = "Жиынға Нұрлан Әбдірахмановқа сөз берілді."
>>> [(h.surname, h.given) for h in ner_names(text, [Mention(7, 28, "Нұрлан Әбдірахмановқа", "PERSON", "ner")], [])]
[('Әбдірахманов', 'Нұрлан')]
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.normalise.morph import ABLATIVE, DATIVE, GENITIVE, INSTRUMENTAL, tokenize
from kg.normalise.people import (
    COMMON_CAPS,
    NameHit,
    given_lemma,
    is_patronymic,
    surname_lemma,
)

__all__ = ["name_nominative", "ner_names"]

#: case endings that a name hardly ever ends in: stripped from a name the model tagged
_NAME_CASE = (*GENITIVE, *DATIVE, *INSTRUMENTAL, *ABLATIVE)
_NAME_WORD = re.compile(r"^[А-ЯӘҒҚҢӨҰҮІЁ][а-яәғқңөұүһіё]+(?:-[А-ЯӘҒҚҢӨҰҮІ][а-яәғқңөұүһіё]+)?$")


def name_nominative(word: str) -> str:
    """The nominative of any name word the model tagged, by its case ending.

    >>> name_nominative("Сәрсенбайға"), name_nominative("Рахмонның"), name_nominative("Әзімбай")
    ('Сәрсенбай', 'Рахмон', 'Әзімбай')
    """
    lemma = surname_lemma(word)
    if lemma:
        return lemma
    low = word.lower()
    for end in _NAME_CASE:
        if low.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def ner_names(text: str, mentions: list[Mention], taken: list[tuple[int, int]]
               ) -> list[NameHit]:
    """NER PERSON mentions that no rule found, parsed into name hits.

    Only Cyrillic, capitalised name words count; a leading common word the model
    swept in («Сөйтіп», «Сенатор») is dropped, and a mention with any other word
    (initials, numerals, Latin) is left to the rules.
    """
    out: list[NameHit] = []
    for m in mentions:
        if m.label != "PERSON" or any(s < m.end and m.start < e for s, e in taken):
            continue
        toks = [t for t in tokenize(text, m.start, m.end) if t[0][:1].isupper()]
        while toks and toks[0][0] in COMMON_CAPS:
            toks = toks[1:]
        if not toks or not all(_NAME_WORD.match(t[0]) for t in toks):
            continue
        if len(toks) > 3 or any(t[0] in COMMON_CAPS for t in toks):
            continue
        known = [given_lemma(t[0]) is not None or surname_lemma(t[0]) is not None for t in toks]
        if not any(known):
            continue  # «Мәңгілік Ел», «Иран Ксро»: no given name, no surname shape
        if len(toks) >= 2 and not known[0] and known[-1] and surname_lemma(toks[-1][0]):
            toks = toks[-1:]  # «Сөйтіп Әуезов» → the surname alone
        last = toks[-1][0]
        sur = name_nominative(last)
        if len(toks) <= 2 and is_patronymic(sur):
            continue  # «Мәдина Ерланқызы»: given name and patronymic, no surname
        given = None
        if len(toks) >= 2:
            parts = [t for t, _, _ in toks[:-1] if not is_patronymic(surname_lemma(t) or t)]
            given = " ".join([given_lemma(parts[0]) or parts[0]] + parts[1:]) if parts else None
        out.append(NameHit(sur, given, m.start, m.end, -1, -1))
    return out
