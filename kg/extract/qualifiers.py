"""Qualifiers of a figure (spec §2): the words around a number that bound it.

``approximately`` (N-ға жуық/тарта/таяу, N шақты, N-дай, шамамен N), ``more_than``
(N-нан астам/артық/аса/көп), ``at_least`` (кемінде N, N-нан кем емес, N және одан да
көп), ``up_to`` (N-ға дейін, N-нан аспайтын, ең көбі N). A qualifier after the number
must agree with the number's case ending: «жуық» and «дейін» follow the dative,
«астам» and «артық» the ablative.

>>> from kg.extract.numerals import tokenize
>>> toks = tokenize("500-ге жуық адам")
>>> after_qualifier(toks, 1, "ге")
('approximately', 2)
>>> after_qualifier(tokenize("27-ге дейін азайды"), 1, "ге")
('exact', 2)
"""

from __future__ import annotations

from kg.extract.numerals import Token
from kg.normalise.morph import ABLATIVE, DATIVE

__all__ = ["BEFORE", "BEFORE2", "APPROX_SUF", "after_qualifier", "is_ablative", "is_dative"]

_ABL = ABLATIVE
_DAT = (*DATIVE, "на", "не")
APPROX_SUF = ("дай", "дей", "тай", "тей")
#: qualifier words before the number
BEFORE = {"кемінде": "at_least", "шамамен": "approximately", "шамасы": "approximately",
           "жуықтап": "approximately", "шамалап": "approximately", "шамада": "approximately"}
BEFORE2 = {("ең", "кемі"): "at_least", ("кем", "дегенде"): "at_least", ("ең", "көбі"): "up_to",
            ("ең", "аз"): "at_least"}
_AFTER_ANY = {"шақты": "approximately", "шамасында": "approximately", "қаралы": "approximately",
              "шамалы": "approximately"}
_AFTER_DAT = {"жуық": "approximately", "жуығы": "approximately", "тарта": "approximately",
              "таяу": "approximately", "таяған": "approximately", "таяды": "approximately",
              "жуықтады": "approximately", "жуықтайды": "approximately", "жуықтаған": "approximately", "дейін": "up_to",
              "шейін": "up_to"}
_AFTER_ABL = {"астам": "more_than", "артық": "more_than", "аса": "more_than", "көп": "more_than",
              "асатын": "more_than", "асқан": "more_than", "асты": "more_than",
              "асады": "more_than", "астамы": "more_than", "артығы": "more_than", "аспайтын": "up_to", "аспайды": "up_to", "аспауы": "up_to",
              "аспаған": "up_to", "кем": "up_to"}

def is_ablative(s: str) -> bool:
    return s.endswith(_ABL)


def is_dative(s: str) -> bool:
    return s.endswith(_DAT)


_FELL_TO = ("азай", "төменде", "қысқар", "кемі", "көтеріл")


def after_qualifier(toks: list[Token], j: int, ending: str) -> tuple[str | None, int]:
    """Qualifier word at ``toks[j]`` agreeing with ``ending``; (q, next index)."""
    if j >= len(toks) or toks[j].kind != "word":
        return None, j
    w = toks[j].low
    if w in _AFTER_ANY:
        return _AFTER_ANY[w], j + 1
    if w in _AFTER_DAT and is_dative(ending):
        nxt = toks[j + 1].low if j + 1 < len(toks) else ""
        if w == "дейін" and nxt.startswith(_FELL_TO):
            return "exact", j + 1  # «27-ге дейін азайды»: fell to 27, a value, not a bound
        return _AFTER_DAT[w], j + 1
    if w in _AFTER_ABL and is_ablative(ending):
        if w == "кем" and j + 1 < len(toks) and toks[j + 1].low == "емес":
            return "at_least", j + 2
        return _AFTER_ABL[w], j + 1
    if w in ("және", "немесе", "не") and [t.low for t in toks[j + 1 : j + 4]][:3] in (
        ["одан", "да", "көп"], ["одан", "көп"], ["одан", "да", "артық"]
    ):
        n = 4 if toks[j + 2].low == "да" else 3
        return "at_least", j + n
    return None, j
