"""A Kazakh language for spaCy: ``spacy.blank("kk")`` (entry point in pyproject.toml).

Tokenisation scheme (the KazNERD converter in :mod:`kg.nlp.kaznerd` agrees with it):

- «» „“ quotes, brackets and – — dashes split off; a hyphen inside a word stays
  («Қасым-Жомарт», «СҚО-да», «1-інші», «100-ден»); a hyphen between two digits
  splits («2021-2022» → «2021», «-», «2022»);
- decimal numbers are one token («92,5», «1.5»), so are clock times («18:00»);
- space-grouped thousands are one token («1 572 800», «46 560», «27 964-і»):
  a 1–3 digit head followed by groups of exactly three digits;
- a percent sign keeps its case ending and splits from the number:
  «43%-ға» → «43», «%-ға»; «92%» → «92», «%» (as KazNERD writes it);
- a case ending after a closing quote splits off: «AlmaU»-дың → «, AlmaU, », -дың;
- an initial glued to a surname splits after its dot: «Б.Сапарбаев» → «Б.»,
  «Сапарбаев»; «Қ.-Ж.Тоқаев» → «Қ.-Ж.», «Тоқаев»;
- common abbreviations with dots stay whole («т.б.», «млн.», «ж.»).

>>> nlp = spacy.blank("kk")
>>> [t.text for t in nlp("СҚО-да 1 572 800 теңге, 43%-ға «AMANAT» Б.Сапарбаев")]
['СҚО-да', '1 572 800', 'теңге', ',', '43', '%-ға', '«', 'AMANAT', '»', 'Б.', 'Сапарбаев']
>>> [t.like_num for t in nlp("екі жарым 92,5 мыңнан")]
[True, True, True, True]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import spacy
from spacy.attrs import LIKE_NUM
from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    LIST_ELLIPSES,
    LIST_ICONS,
    LIST_PUNCT,
    LIST_QUOTES,
)
from spacy.language import BaseDefaults, Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from thinc.api import Config

KK_LOWER = "а-яёәғқңөұүһі"
KK_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = ALPHA_LOWER + KK_LOWER
UPPER = ALPHA_UPPER + KK_UPPER
LETTER = ALPHA + KK_LOWER + KK_UPPER
DASHES = "–—"
#: a case ending / suffix after a hyphen: «-ға», «-дың», «-інші»
ENDING = rf"-[{LETTER}]+"

PREFIXES: list[str] = [
    rf"[{UPPER}]\.(?:-[{UPPER}]\.)*(?=[{UPPER}][{LOWER}])",  # initials glued to a surname
    "§",
    *LIST_PUNCT,
    *LIST_ELLIPSES,
    *LIST_QUOTES,
    *LIST_ICONS,
    rf"[{DASHES}]",
    r"-(?![0-9])(?![{LETTER}])",
    r"\+(?![0-9])",
]

SUFFIXES: list[str] = [
    *LIST_PUNCT,
    *LIST_ELLIPSES,
    rf"(?<=[{CONCAT_QUOTES}]){ENDING}",  # «AlmaU»-дың → », -дың
    *LIST_QUOTES,
    *LIST_ICONS,
    rf"[{DASHES}]",
    rf"(?<=[0-9])%(?:{ENDING})?",  # 43%-ға → 43, %-ға
    r"(?<=[0-9])\+",
    rf"(?<=[0-9{LOWER}%²³{CONCAT_QUOTES})\]])\.",
    rf"(?<=[{UPPER}][{UPPER}])\.",
    r"(?<=[0-9])-$",
]

INFIXES: list[str] = [
    *LIST_ELLIPSES,
    *LIST_ICONS,
    r"(?<=[0-9])[+\-*^](?=[0-9])",  # 2021-2022 → 2021 - 2022
    rf"(?<=[{LOWER}{CONCAT_QUOTES}])\.(?=[{UPPER}{CONCAT_QUOTES}])",
    rf"(?<=[{LETTER}0-9]),(?=[{LETTER}])",
    rf"(?<=[{LETTER}]),(?=[0-9])",
    rf"(?<=[{LETTER}0-9])[{DASHES}](?=[{LETTER}0-9])",
    rf"(?<=[{LETTER}0-9])[:<>=/](?=[{LETTER}])",
    rf"(?<=[{LETTER}]):(?=[0-9])",
    rf"(?<=[{LETTER}])[«»„“”\"](?=[{LETTER}])",
]

#: abbreviations whose dots belong to the token
ABBREVIATIONS: tuple[str, ...] = (
    "т.б.", "т.с.с.", "т.т.", "ж.", "жж.", "млн.", "млрд.", "трлн.", "мыс.",
    "см.", "г.", "т.", "б.", "бб.", "проф.", "акад.", "доц.", "ғ.", "ғғ.", "қ.", "обл.",
    "аудн.", "т.ғ.д.", "т.ғ.к.", "э.ғ.д.", "э.ғ.к.", "ф.ғ.д.", "ф.ғ.к.", "с.", "көш.",
)  # fmt: skip

NUMBER_WORDS: frozenset[str] = frozenset(
    "нөл бір екі үш төрт бес алты жеті сегіз тоғыз он жиырма отыз қырық елу алпыс "
    "жетпіс сексен тоқсан жүз мың миллион миллиард триллион млн млрд трлн жарым "
    "жарты бірінші екінші үшінші төртінші бесінші".split()
)
#: number-word stems ordered longest first, so «жиырмасына» matches «жиырма»
_NUMBER_STEMS = sorted(NUMBER_WORDS, key=len, reverse=True)
_DIGITS_RE = re.compile(
    r"^[+-]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?(?:-[^\W\d_]+)?$"
)
#: digits grouped by spaces: 1–3 digit head, groups of exactly 3 digits
GROUPED_RE = re.compile(
    r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?:-[^\W\d_]+)?(?![\d])"
)


def like_num(text: str) -> bool:
    """Kazakh number words (with case endings) and digit forms.

    >>> [like_num(w) for w in ["бес", "мыңнан", "1 572 800", "92,5", "100-ден", "жоба"]]
    [True, True, True, True, True, False]
    """
    text = text.replace("\u00a0", " ")
    if _DIGITS_RE.match(text):
        return True
    low = text.lower()
    if low in NUMBER_WORDS:
        return True
    # inflected forms: «екіге», «мыңнан», «жиырмасы»; stems of 3+ letters only, so that
    # «он» does not make «онда» a number
    return (
        any(
            len(stem) >= 3 and low.startswith(stem) and len(low) - len(stem) <= 5
            for stem in _NUMBER_STEMS
        )
        and low not in _NOT_NUMBERS
    )


_NOT_NUMBERS = frozenset(
    {
        "бірақ",
        "біраз",
        "бірге",
        "бірлік",
        "бірлесе",
        "жетім",
        "жүзеге",
        "жүзінде",
        "мыңдаған",
        "бесік",
        "елуші",
        "жүзден",
        "бірі",
        "бірнеше",
    }
)

LEX_ATTRS: dict[int, Callable[[str], bool]] = {LIKE_NUM: like_num}

STOP_WORDS: frozenset[str] = frozenset(
    "және мен пен бен да де та те ал бірақ немесе не әлде үшін туралы бойынша сияқты "
    "секілді бұл осы сол ол олар біз сіз ен ең тағы әрі ма ме ба бе па пе ғой қой".split()
)


class KazakhTokenizer(Tokenizer):
    """spaCy's rule tokenizer, then space-grouped numbers merged into one token."""

    def __call__(self, text: str) -> Doc:  # type: ignore[override]
        doc = super().__call__(text)
        if not any(c in text for c in " \u00a0\u202f"):
            return doc
        spans = []
        for m in GROUPED_RE.finditer(text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="strict")
            if span is not None and len(span) > 1:
                spans.append(span)
        if spans:
            with doc.retokenize() as retok:
                for span in spans:
                    retok.merge(span)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)


def _exceptions() -> dict[str, list[dict[int, str]]]:
    from spacy.attrs import ORTH

    exc: dict[str, list[dict[int, str]]] = {}
    for abbr in ABBREVIATIONS:
        for form in {abbr, abbr.capitalize()}:
            exc[form] = [{ORTH: form}]
    return exc


class KazakhDefaults(BaseDefaults):
    tokenizer_exceptions = _exceptions()
    prefixes = PREFIXES
    suffixes = SUFFIXES
    infixes = INFIXES
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS


@spacy.registry.tokenizers("kk.KazakhTokenizer.v1")
def create_kazakh_tokenizer() -> Callable[[Language], Tokenizer]:
    """The tokenizer factory ``Kazakh`` uses (registered for configs)."""

    def make(nlp: Language) -> Tokenizer:
        base = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        return KazakhTokenizer(
            nlp.vocab,
            rules=base.rules,
            prefix_search=base.prefix_search,
            suffix_search=base.suffix_search,
            infix_finditer=base.infix_finditer,
            token_match=base.token_match,
            url_match=base.url_match,
        )

    return make


def _default_config() -> Config:
    config = Config(Language.default_config)
    config["nlp"]["tokenizer"] = {"@tokenizers": "kk.KazakhTokenizer.v1"}
    return config


class Kazakh(Language):
    """spaCy language class for Kazakh (``lang = "kk"``).

    >>> Kazakh().lang
    'kk'
    """

    lang = "kk"
    Defaults = KazakhDefaults
    default_config = _default_config()


__all__ = ["Kazakh", "KazakhTokenizer", "like_num", "LEX_ATTRS", "STOP_WORDS"]

# registered explicitly too, so that "kk" means this class even without the entry point
# (spaCy ships its own, simpler, Kazakh under the same code)
spacy.util.registry.languages.register("kk", func=Kazakh)
