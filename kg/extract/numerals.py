"""Kazakh numerals: digits, number words and scale words → ``Decimal``.

Kazakh news writes numbers three ways, often mixed in one phrase:

* digits with space-grouped thousands and a decimal comma: «1 572 800»,
  «92,5», «43,5%-ы» (no-break and thin spaces group too; a decimal point and
  dot-grouped thousands «1.572.800» also occur);
* digits followed by a scale word in any case form: «92,5 млн», «6,8 млрд»,
  «304 мың», «5 мыңнан», «млн-нан», «2 млрд 300 млн»;
* number words: «бір жарым мың» (1500), «екі жүз елу» (250), «мыңға» (1000).

The tokenizer here is shared with :mod:`kg.extract.figures`. Only the last word
of a number may carry a case ending («мыңнан», «жиырмаға», «жүздей»).

>>> parse_number("1 572 800")
Decimal('1572800')
>>> parse_number("92,5 млн")
Decimal('92500000')
>>> parse_number("бір жарым мыңнан")
Decimal('1500')
>>> parse_number("екі жүз елу")
Decimal('250')
>>> parse_number("Оның") is None
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "Token", "tokenize", "digits_value", "word_number", "read_number", "parse_number", "clean",
]

_SP = "[ \u00a0\u202f\u2009\u2007]"
_DIGITS = (
    r"[0-9]{1,3}(?:\.[0-9]{3}){2,}(?![0-9])"  # 1.572.800
    rf"|[0-9]{{1,3}}(?:{_SP}[0-9]{{3}})+(?![0-9])(?:[.,][0-9]+)?"  # 1 572 800 / 46 560,5
    r"|[0-9]+(?:[.,][0-9]+)?"  # 92,5 / 1070
)
_HY = "-\u2010\u2011\u2012\u2013\u2014"
_LET = r"[^\W\d_]"
_TOKEN_RE = re.compile(
    rf"(?P<num>{_DIGITS})(?:(?P<hy>[{_HY}]?)(?P<suf>{_LET}+))?"
    rf"|(?P<pct>%)(?:[{_HY}]?(?P<psuf>{_LET}+))?"
    rf"|(?P<word>{_LET}+(?:[{_HY}\u2019']{_LET}+)*)"
    rf"|(?P<dash>[{_HY}])"
    r"|(?P<punct>[^\s\w])"
)


@dataclass(frozen=True)
class Token:
    """One token of a sentence. ``kind`` is num, pct, word, dash or punct;
    ``suffix`` is the case/possessive ending glued to a number («170-ке» → «ке»)."""

    kind: str
    text: str
    start: int
    end: int
    suffix: str = ""
    hyphen: bool = False

    @property
    def low(self) -> str:
        return self.text.lower().replace("ё", "е")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens whose offsets are shifted by ``offset``.

    >>> [(t.kind, t.text, t.suffix) for t in tokenize("170-ке жуық, 43%-ға")]
    [('num', '170', 'ке'), ('word', 'жуық', ''), ('punct', ',', ''), ('num', '43', ''), ('pct', '%', 'ға')]
    """
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        if m.group("num") is not None:
            kind = "num"
            s, e = m.span("num")
            out.append(Token("num", m.group("num"), s + offset, m.end() + offset,
                             (m.group("suf") or "").lower(), bool(m.group("hy"))))
            continue
        if m.group("pct") is not None:
            out.append(Token("pct", "%", m.start() + offset, m.end() + offset,
                             (m.group("psuf") or "").lower()))
            continue
        for k in ("word", "dash", "punct"):
            if m.group(k) is not None:
                kind = k
                break
        out.append(Token(kind, m.group(0), m.start() + offset, m.end() + offset))
    return out


def digits_value(s: str) -> Decimal | None:
    """Value of a digit group: «1 572 800», «92,5», «1.572.800», «6.8».

    >>> digits_value("46\u00a0560"), digits_value("43,5"), digits_value("1.572.800")
    (Decimal('46560'), Decimal('43.5'), Decimal('1572800'))
    """
    s = re.sub(_SP, "", s)
    if s.count(".") >= 2:
        s = s.replace(".", "")
    s = s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


# value, kind: unit (1–9), ten (10–90), hundred, scale (≥1000), half
_WORDS: dict[str, tuple[int, str]] = {
    "бір": (1, "unit"), "екі": (2, "unit"), "үш": (3, "unit"), "төрт": (4, "unit"),
    "бес": (5, "unit"), "алты": (6, "unit"), "жеті": (7, "unit"), "сегіз": (8, "unit"),
    "тоғыз": (9, "unit"), "он": (10, "ten"), "жиырма": (20, "ten"), "отыз": (30, "ten"),
    "қырық": (40, "ten"), "елу": (50, "ten"), "алпыс": (60, "ten"), "жетпіс": (70, "ten"),
    "сексен": (80, "ten"), "тоқсан": (90, "ten"), "жүз": (100, "hundred"),
    "мың": (1000, "scale"), "миллион": (10**6, "scale"), "млн": (10**6, "scale"),
    "миллиард": (10**9, "scale"), "млрд": (10**9, "scale"),
    "триллион": (10**12, "scale"), "трлн": (10**12, "scale"),
}
#: scale words (for figures: «92,5 млн»)
SCALES: dict[str, int] = {w: v for w, (v, k) in _WORDS.items() if k == "scale"}

# case, possessive and «-дай» (approximately) endings a number word may carry
_ENDINGS = (
    "ға ге қа ке а е нан нен дан ден тан тен да де та те нда нде ны ні ды ді ты ті "
    "ның нің дың дің тың тің дай дей тай тей ндай ндей ы і сы сі ына іне "
    "ынан інен ында інде мен бен пен"
).split()
_RESTRICTED = {"бір": (), "он": ("ға", "нан"), "тоқсан": (), "жүз": ("ге", "ден", "дей")}
#: a scale word also takes the possessive accusative: «қаржының 1,2 миллиардын», «850 млн-ын»
_SCALE_ENDINGS = (*_ENDINGS, "ын", "ін")


@functools.lru_cache(maxsize=1 << 16)
def word_number(word: str) -> tuple[int, str, str] | None:
    """``(value, kind, ending)`` of a number word form, else None.

    >>> word_number("мыңнан"), word_number("млн-нан"), word_number("оның")
    ((1000, 'scale', 'нан'), (1000000, 'scale', 'нан'), None)
    >>> word_number("үшін") is None, word_number("бірі") is None, word_number("миллиардын")
    (True, True, (1000000000, 'scale', 'ын'))
    """
    w = word.lower().replace("ё", "е")
    if w in _WORDS:
        v, k = _WORDS[w]
        return v, k, ""
    if w in ("жарым", "жарты"):
        return 0, "half", ""
    for stem, (v, k) in _WORDS.items():
        if w.startswith(stem) and len(w) > len(stem):
            end = w[len(stem):].lstrip(_HY + ".")
            allowed = _RESTRICTED.get(stem, _SCALE_ENDINGS if k == "scale" else _ENDINGS)
            if end in allowed:
                return v, k, end
    return None


def read_number(tokens: list[Token], i: int) -> tuple[Decimal, int, str, bool] | None:
    """Read the number starting at ``tokens[i]``.

    Returns ``(value, next_index, ending, scaled)``: the value after scale words,
    the index after the number, the case ending on its last token, and whether a
    scale word was applied. None when ``tokens[i]`` does not start a number.

    >>> read_number(tokenize("2 млрд 300 млн теңге"), 0)[:2]
    (Decimal('2300000000'), 4)
    >>> read_number(tokenize("бес мыңнан астам"), 0)
    (Decimal('5000'), 2, 'нан', True)
    """
    t = tokens[i]
    if t.kind == "num":
        val = digits_value(t.text)
        if val is None:
            return None
        j, ending, scaled = i + 1, t.suffix, False
        if not t.suffix:
            total = Decimal(0)
            while j < len(tokens) and tokens[j].kind == "word":
                wn = word_number(tokens[j].text)
                if not wn or wn[1] != "scale":
                    break
                val *= wn[0]
                j, ending, scaled = j + 1, wn[2], True
                # «2 млрд 300 млн»: a smaller digits+scale group continues the number
                if (not ending and j + 1 < len(tokens) and tokens[j].kind == "num"
                        and not tokens[j].suffix and tokens[j + 1].kind == "word"):
                    nxt = word_number(tokens[j + 1].text)
                    small = digits_value(tokens[j].text)
                    if nxt and nxt[1] == "scale" and nxt[0] < wn[0] and small is not None:
                        total += val
                        val = small
                        j += 1
                        continue
                break
            val += total
        return val, j, ending, scaled
    if t.kind != "word":
        return None
    total, cur = Decimal(0), Decimal(0)
    j, ending, seen, scaled = i, "", False, False
    while j < len(tokens) and tokens[j].kind == "word" and not ending:
        wn = word_number(tokens[j].text)
        if wn is None and seen and tokens[j].low == "бірі" and cur % 10 == 0 < cur:
            wn = (1, "unit", "і")  # «депутаттың жиырма бірі»: twenty-one of them
        if wn is None:
            break
        v, k, ending = wn
        if k == "half":
            nxt = word_number(tokens[j + 1].text) if j + 1 < len(tokens) else None
            if not seen and (tokens[j].low == "жарым" or not nxt or nxt[1] != "scale"):
                return None
            cur = (cur + Decimal("0.5")) if seen else Decimal("0.5")
        elif k in ("unit", "ten"):
            cur += v
        elif k == "hundred":
            cur = (cur or 1) * v
        else:
            total += (cur or 1) * v
            cur, scaled = Decimal(0), True
        seen = True
        j += 1
    if not seen:
        return None
    return total + cur, j, ending, scaled


def parse_number(s: str) -> Decimal | None:
    """Value of the number at the start of ``s`` (digits or words), else None.

    Trailing words that are not part of the number are ignored.

    >>> parse_number("6,8 млрд теңге")
    Decimal('6800000000')
    >>> parse_number("мыңға жуық")
    Decimal('1000')
    >>> parse_number("27 964-і")
    Decimal('27964')
    """
    toks = tokenize(s.strip())
    if not toks:
        return None
    got = read_number(toks, 0)
    if got is None:
        return None
    return clean(got[0])


def clean(v: Decimal) -> Decimal:
    """Drop a needless exponent/fraction: 92500000.0 → 92500000."""
    if v == v.to_integral_value():
        return Decimal(int(v))
    return v.normalize()
