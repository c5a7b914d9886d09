"""Spellings the Latin alphabet loses: ь, ъ, э, ё, һ, я after a consonant, ц, and their words.

The Latin alphabet writes «лагерь» and «лагер» alike (``lager``), «экономика» as
``ekonomika``, «шаһар» as ``şahar``. Letter by letter, :mod:`kg.read.latin` can only
guess; this lexicon holds the Cyrillic spelling of every such word seen in the
KazNERD training and development text (CC BY 4.0, IS2AI), keyed by its 2021 Latin
form. A word found here, or whose longest prefix of five letters or more is found
here as a stem ending in ь or ъ, before a suffix that starts with a consonant
(``lagerge`` → «лагерьге»), takes the lexicon's spelling; the offset map is
kept, a soft sign taking no character of the Latin text.

Rebuild it with ``python -m kg.read.latin_lexicon ../shared/data/kaznerd`` (the
file ``kg/read/latin_words.tsv`` is committed).

>>> respell("лагерге")
'лагерьге'
>>> respell("экономика"), respell("економикалық"), respell("жоба")
('экономика', 'экономикалық', 'жоба')
>>> align("лагерге", "лагерьге", [0, 1, 2, 3, 4, 5, 6], 7)
[0, 1, 2, 3, 4, 5, 5, 6]
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from kg.normalise.translit import translit

LEXICON = Path(__file__).with_name("latin_words.tsv")
MIN_PREFIX = 5
_WORD = re.compile(r"[а-яәғқңөұүһіё]+")
_VOWELS = set("аәеиоөуұүыіэюяё")
_ANY_CASE = re.compile(r"[а-яәғқңөұүһіёА-ЯӘҒҚҢӨҰҮҺІЁ]+")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """Latin (2021, lower case) → Cyrillic spelling."""
    if not LEXICON.exists():
        return {}
    out: dict[str, str] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lat, cyr = line.split("\t")
            out[lat] = cyr
    return out


def respell(word: str) -> str:
    """The lexicon's spelling of a lower-case Cyrillic ``word`` guessed from Latin, if any."""
    lex = lexicon()
    key = translit(word)
    if key in lex:
        return lex[key]
    # longest prefix ending at a letter boundary of ``word``
    cut, lengths = 0, []
    for ch in word:
        cut += len(translit(ch))
        lengths.append(cut)
    for k in range(len(word) - 1, 0, -1):
        n = lengths[k - 1]
        stem = lex.get(key[:n]) if n >= MIN_PREFIX else None
        # only a loanword's stem (ending in ь/ъ) takes a suffix, and only one that starts
        # with a consonant: «лагерьге», but «лагерінде», «портфелі»
        if stem and stem[-1] in "ьъ" and word[k] not in _VOWELS:
            return stem + word[k:]
    return word


def align(naive: str, spelled: str, sources: list[int], end: int) -> list[int]:
    """The source offset of each character of ``spelled``, from those of ``naive``.

    Both spell the same Latin; a character that transliterates to nothing (ь, ъ)
    gets the offset of the character after it.
    """
    by_latin: list[int] = []
    for ch, src in zip(naive, sources, strict=True):
        by_latin.extend([src] * len(translit(ch)))
    by_latin.append(end)
    out, p = [], 0
    for ch in spelled:
        out.append(by_latin[min(p, len(by_latin) - 1)])
        p += len(translit(ch))
    return out


def respell_line(chars: list[str], sources: list[int], end: int) -> tuple[list[str], list[int]]:
    """Respell every Cyrillic word of a converted line, keeping the offset map."""
    text = "".join(chars)
    if not lexicon():
        return chars, sources
    out: list[str] = []
    src: list[int] = []
    last = 0
    for m in _ANY_CASE.finditer(text):
        s, e = m.span()
        out.extend(chars[last:s])
        src.extend(sources[last:s])
        word = m.group().lower()
        spelled = respell(word)
        if spelled == word:
            out.extend(chars[s:e])
            src.extend(sources[s:e])
        else:
            out.extend(_recase(text[s:e], spelled))
            src.extend(align(word, spelled, sources[s:e], sources[e] if e < len(sources) else end))
        last = e
    out.extend(chars[last:])
    src.extend(sources[last:])
    return out, src


def _recase(original: str, spelled: str) -> str:
    if original.isupper() and len(original) > 1:
        return spelled.upper()
    if original[:1].isupper():
        return spelled[:1].upper() + spelled[1:]
    return spelled


def build(kaznerd: Path, out: Path = LEXICON) -> int:
    """Write the lexicon from KazNERD's ``train.iob`` and ``dev.iob``; the number of words."""
    from kg.read.latin import naive_cyrillic

    counts: Counter[str] = Counter()
    every: set[str] = set()
    for name in ("train.iob", "dev.iob"):
        for line in (kaznerd / name).read_text(encoding="utf-8").splitlines():
            token = line.split(" ")[0].split("\t")[0].lower()
            for part in _WORD.findall(token):
                every.add(part)
                if len(part) >= 4:
                    counts[part] += 1
                    # a soft or hard sign ends a loanword's stem: «лагерьде» → «лагерь»
                    for m in re.finditer("[ьъ]", part):
                        if m.end() >= 4 and m.end() < len(part):
                            counts[part[: m.end()]] += 1
    # a stem whose letter-by-letter reading is itself a word («барь» of «барьер»: «бар») is dropped
    for stem in [w for w, n in counts.items() if w[-1] in "ьъ"]:
        if stem[:-1] in every:
            del counts[stem]
    by_latin: dict[str, Counter[str]] = defaultdict(Counter)
    for word, n in counts.items():
        lat = translit(word)
        if naive_cyrillic(lat) != word:
            by_latin[lat][word] += n
    rows = []
    for lat, spellings in sorted(by_latin.items()):
        (best, n), total = spellings.most_common(1)[0], sum(spellings.values())
        if n / total >= 0.8:
            rows.append(f"{lat}\t{best}")
    header = "# Latin (2021) → Cyrillic, words whose letter-by-letter reading differs; " \
             "from KazNERD train+dev (CC BY 4.0, IS2AI)\n"
    out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    lexicon.cache_clear()
    return len(rows)


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/kaznerd")), "words")
