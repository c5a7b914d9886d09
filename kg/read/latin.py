"""Kazakh in the Latin alphabet → Cyrillic for extraction, with an offset map back.

Outlets publish Latin-script versions of their news in the 2021 alphabet
(``ä ğ ı ñ ö ş ū ü``, ``i`` = и/й, ``ı`` = і) and in the earlier official
variants: 2017 with apostrophes (``a' g' n' o' u' y' i' s' c'``, ``i`` = і)
and 2018 with acutes (``á ǵ ń ó ú ý í``, ``u`` = ұ, ``ý`` = у, ``sh`` = ш).
Derek's rules and model read Cyrillic, so a Latin line is transliterated
before extraction and every Cyrillic character remembers where it came from:
:class:`Converted` maps any Cyrillic span back to the text as the user gave it.

Lines are judged one by one, so a mixed article (a Cyrillic headline over a
Latin body, or the reverse) keeps its Cyrillic lines untouched. A Latin line
that is not Kazakh (an English cookie notice) is left as it is and the
language check downstream skips it as before. Words with letters the Kazakh
alphabets lack (``c`` outside ``ch``, ``w``, ``x``: «FSM Social», XXXVI) and
«AMANAT» stay Latin, as Cyrillic Kazakh text writes them;
URLs, e-mail addresses and hashtags are kept verbatim.

Every Latin unit maps to a Cyrillic letter whose transliteration
(:func:`kg.normalise.translit.translit`) is that unit again, so a name's id is
the same whichever script it was read in: «Baqytjan Sağyntaev» and
«Бақытжан Сағынтаев» are one node.

>>> c = to_cyrillic("Jobağa 18 myñğa juyq adam tartyldy, – dedı B.Sağyntaev.")
>>> c.text
'Жобаға 18 мыңға жуық адам тартылды, – деді Б.Сағынтаев.'
>>> s, e = c.source_span(c.text.index("18 мыңға"), c.text.index(" адам"))
>>> c.original[s:e]
'18 myñğa juyq'
>>> to_cyrillic("Жоба аясында 986 адам.").changed
False
>>> to_cyrillic("Qazaqstan Respublikasy Densaulyq saqtau ministrlıgı").text
'Қазақстан Республикасы Денсаулық сақтау министрлігі'
>>> to_cyrillic("A'leumettik ko'mek to'lendi, s'arua qojalyqtary").text
'Әлеуметтік көмек төленді, шаруа қожалықтары'
>>> to_cyrillic("Áleýmettik kómek tólendi, sharýa qojalyqtary").text
'Әлеуметтік көмек төленді, шаруа қожалықтары'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.read.checks import _KK_WORDS
from kg.read.latin_lexicon import respell_line

__all__ = ["Converted", "naive_cyrillic", "to_cyrillic", "scheme_of"]

_VOWELS = set("aeiouyäöüūıáóúýí")

_COMMON = {
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "j": "ж",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р",
    "s": "с", "t": "т", "v": "в", "y": "ы", "z": "з", "c": "ц", "w": "у", "x": "х",
}
# 2021: ı = і, i = и/й, u = у
_S2021 = _COMMON | {
    "ä": "ә", "ğ": "ғ", "ı": "і", "ñ": "ң", "ö": "ө", "ş": "ш", "ū": "ұ", "ü": "ү",
    "u": "у", "i": "и",
}
# 2018: i = і, í = и/й, u = ұ, ý = у, ú = ү
_S2018 = _COMMON | {
    "á": "ә", "ǵ": "ғ", "ń": "ң", "ó": "ө", "ú": "ү", "ý": "у", "u": "ұ", "i": "і",
    "í": "и", "ı": "і",
}
# 2017: i = і, i' = и/й, u = у, y' = ұ, u' = ү
_S2017 = _COMMON | {"u": "у", "i": "і", "ı": "і"}
_APOS = {"a": "ә", "g": "ғ", "n": "ң", "o": "ө", "u": "ү", "y": "ұ", "i": "и", "s": "ш",
         "c": "ч"}
_APOSTROPHES = "'’ʼ`"
_TABLES = {"2021": _S2021, "2018": _S2018, "2017": _S2017}

_MARK_2021 = re.compile(r"[äğıñöşūüİÄĞÑÖŞŪÜ]")
_MARK_2018 = re.compile(r"[áǵńóúýíÁǴŃÓÚÝÍ]")
_MARK_2017 = re.compile(r"[agnouyiscAGNOUYISC][" + _APOSTROPHES + r"](?=\w)")
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_CYR = re.compile(r"[\u0400-\u04ff]")
_KEEP = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|#\w+|[\w.-]+\.(?i:kz|com|org|ru|net)\b\S*"
    r"|\bAMANAT\b|\b[^\W\d_]*(?:[cC](?![hH'’ʼ`])|[wWxX])[^\W\d_]*\b"
)
_KK_ONLY = set("әғқңөұүһі")
_WORDS = re.compile(r"[\w'’ʼ`]+")
_TS_STEMS = {"protsen", "protses", "vitse-", "vitse ", "vitsep", "litsei", "litsey", "retsep",
             "matsev", "kontse"}
_ENGLISH = {"the", "and", "of", "to", "is", "are", "will", "your", "for", "with", "this", "that",
            "you", "not", "by", "leave", "reply", "email", "share", "read", "more", "comments"}


@dataclass(frozen=True)
class Converted:
    """Cyrillic ``text`` made from ``original``; ``offsets[i]`` is where ``text[i]`` came from.

    Each Latin unit (a letter, a digraph such as ``ch``, a letter with its
    apostrophe) yields one character, and a soft or hard sign restored by the
    lexicon (:mod:`kg.read.latin_lexicon`) none, so ``offsets`` never decreases and
    has ``len(text) + 1`` entries, the last being ``len(original)``.
    """

    text: str
    original: str
    offsets: tuple[int, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that the Cyrillic span ``[start, end)`` came from."""
        return self.offsets[start], self.offsets[max(start, end)]


def scheme_of(text: str) -> str:
    """Which Latin alphabet a text uses: ``"2021"``, ``"2018"`` or ``"2017"``.

    >>> scheme_of("Qazaqstan Respýblika"), scheme_of("Jäne"), scheme_of("s'arua")
    ('2018', '2021', '2017')
    """
    counts = {
        "2021": len(_MARK_2021.findall(text)),
        "2018": len(_MARK_2018.findall(text)),
        "2017": len(_MARK_2017.findall(text)),
    }
    best = max(counts, key=lambda k: (counts[k], k == "2021"))
    return best if counts[best] else "2021"


def _latin_line(line: str) -> bool:
    """Whether ``line`` is mostly Latin letters and does not read as English (the cheap
    half of :func:`_verdict`: a line that fails it is not even transliterated)."""
    latin = len(_LATIN.findall(line))
    if latin < 2:
        return False
    cyr = len(_CYR.findall(line))
    # two English function words (one could be Kazakh: «is» is іс in the 2017/2018 alphabets)
    return latin > 2 * cyr and len(_ENGLISH & set(_WORDS.findall(line.lower()))) < 2


def _verdict(converted: str) -> int:
    """Of a line that passed :func:`_latin_line`, transliterated to ``converted``:
    2: Latin-script Kazakh; 1: could be Kazakh; 0: leave it."""
    words = [w.lower() for w in re.findall(r"\w+", converted) if _CYR.search(w)]
    if not words:
        return 0
    kk = sum(1 for w in words if _KK_ONLY & set(w) or w in _KK_WORDS)
    return 2 if kk and kk / len(words) >= 0.15 else 1


def _fold(ch: str, scheme: str) -> str:
    """The lower-case letter a Latin character stands for in ``scheme``."""
    if scheme == "2021" and ch == "I":
        return "ı"
    if ch == "İ":
        return "i"
    return ch.lower()


def _convert_line(line: str, base: int, scheme: str, out: list[str], src: list[int]) -> None:
    keep = [(m.start(), m.end()) for m in _KEEP.finditer(line)]
    i, n = 0, len(line)
    while i < n:
        if keep and keep[0][0] == i:
            s, e = keep.pop(0)
            out.extend(line[s:e])
            src.extend(range(base + s, base + e))
            i = e
            continue
        cyr, width = _unit(line, i, scheme)
        if line[i].isupper() and cyr != line[i]:
            cyr = cyr.upper()
        out.append(cyr)
        src.append(base + i)
        i += width


def _tse(line: str, i: int, scheme: str) -> bool:
    """``ts`` is ц at a word's start, before и (цифр, социал, акция) and in процент/процесс.

    Elsewhere it is т + с, as in the Kazakh conditional (кетсе, атсалысу).
    """
    after = _fold(line[i + 2 : i + 3], scheme)
    if scheme == "2017":  # и is i'
        after = "и" if after == "i" and line[i + 3 : i + 4] in tuple(_APOSTROPHES) else after
    start = i == 0 or not line[i - 1].isalpha()
    return start or _TABLES[scheme].get(after) == "и" or after == "и" or any(line[max(0, i - k) : i - k + 7].lower() in _TS_STEMS for k in (1, 2, 3))


def _unit(line: str, i: int, scheme: str) -> tuple[str, int]:
    """The Cyrillic letter for the Latin unit at ``line[i]`` and how many characters it takes."""
    table = _TABLES[scheme]
    low = _fold(line[i], scheme)
    nxt = _fold(line[i + 1], scheme) if i + 1 < len(line) else ""
    prev = _fold(line[i - 1], scheme) if i > 0 else ""
    if prev and prev in _APOSTROPHES and i > 1:  # 2017: a' o' u' y' i' are vowels
        prev = "a" if line[i - 2].lower() in "aouyi" else "b"
    if low not in table and low not in _APOS:
        return line[i], 1
    if scheme == "2017" and nxt and nxt in _APOSTROPHES and low in _APOS:
        cyr = _APOS[low]
        return ("й" if cyr == "и" and prev in _VOWELS else cyr), 2
    if low == "c" and nxt == "h":
        return "ч", 2
    if low == "s" and nxt == "h" and scheme == "2018":
        return "ш", 2
    if low == "t" and nxt == "s" and _tse(line, i, scheme):
        return "ц", 2
    if low == "ş" and nxt == "ş":
        return "щ", 2
    if scheme == "2021" and line[i] == "I" and nxt in ("a", "u") and not prev.isalpha():
        return ("Я" if nxt == "a" else "Ю"), 2  # Ia, Iu at a word's start: Я, Ю
    if table.get(low) == "и":
        # iu: ю (бюджет, тию); ia at a word's start, after a vowel other than ы/і or
        # after и: я (2021 only), else и + а (материал, медиа, сыйақы)
        if scheme == "2021" and (nxt == "u" or nxt == "a" and (
                not prev.isalpha() or prev in _VOWELS - {"y", "ı"} or prev == "i")):
            return ("я" if nxt == "a" else "ю"), 2
        return ("й" if prev in _VOWELS else "и"), 1
    if table.get(low) == "і" and nxt in ("a", "u", "ý") and (
            not prev.isalpha() or prev in _VOWELS or nxt != "a"):
        # 2017/2018: iu, iý: ю; ia at a word's start or after a vowel: я
        return ("я" if nxt == "a" else "ю"), 2
    return table.get(low, line[i]), 1


def naive_cyrillic(latin: str) -> str:
    """One line of 2021 Latin read letter by letter, without the lexicon.

    >>> naive_cyrillic("lager"), naive_cyrillic("şahar")
    ('лагер', 'шахар')
    """
    buf: list[str] = []
    _convert_line(latin, 0, "2021", buf, [])
    return "".join(buf)


def to_cyrillic(text: str) -> Converted:
    """Transliterate the Latin-script Kazakh lines of ``text``; other lines stay as they are.

    A line counts when most of its letters are Latin and, once transliterated,
    enough of its words are recognisably Kazakh; a short Latin line without
    such words («Audarmaşyny JI almastyra ala ma?») counts too when another
    line of the same text does, unless it reads as English.
    """
    scheme = scheme_of(text)
    lines: list[tuple[str, int, list[str], list[int], int]] = []
    pos = 0
    for line in text.split("\n"):
        buf: list[str] = []
        bsrc: list[int] = []
        verdict = 0
        if _latin_line(line):  # Cyrillic lines (most of them) are not transliterated
            _convert_line(line, pos, scheme, buf, bsrc)
            verdict = _verdict("".join(buf))
        lines.append((line, pos, buf, bsrc, verdict))
        pos += len(line) + 1
    latin_text = any(v == 2 for *_, v in lines)
    if not any(v for *_, v in lines):  # nothing to transliterate
        return Converted(text, text, tuple(range(len(text) + 1)))
    out: list[str] = []
    src: list[int] = []
    for line, start, buf, bsrc, verdict in lines:
        if verdict == 2 or (verdict == 1 and latin_text):
            buf, bsrc = respell_line(buf, bsrc, start + len(line))
            out.extend(buf)
            src.extend(bsrc)
        else:
            out.extend(line)
            src.extend(range(start, start + len(line)))
        out.append("\n")
        src.append(start + len(line))
    out.pop()
    src.pop()
    src.append(len(text))
    return Converted("".join(out), text, tuple(src))
