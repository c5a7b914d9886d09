"""Checks on raw input before anything reaches the pipeline.

Bad input (empty, binary, invalid UTF-8, huge, Russian or mixed text, HTML
junk) is skipped with a message; it never reaches the store.

>>> decode_text(b"\\xd0\\x90\\xd0\\xbc")
'Ам'
>>> decode_text(b"\\xff\\xfe\\x00\\x00").__class__.__name__
'Problem'
>>> kazakh_share("Жоба аясында 986 адам жұмысқа орналасты")
1.0
>>> kazakh_share("Проект продолжается в этом году") < 0.3
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: articles larger than this (characters) are skipped: press releases are a few KB
MAX_CHARS = 2_000_000

_KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
#: frequent Kazakh words written only with letters shared with Russian
_KK_WORDS = {
    "және", "бар", "бойынша", "жыл", "деп", "деді", "мен", "бен", "пен", "да", "де", "та",
    "те", "осы", "бұл", "жылы", "туралы", "арқылы", "жоба", "облыс", "облысы", "адам",
    "ал", "сондай", "жиын", "ауданы", "аудан", "жылдың", "мыңнан", "жылдан",
}
_RU_MARKERS = re.compile(
    r"\b(?:и|в|на|по|для|что|это|как|года|году|также|было|были|который|которые|от|с|со|не)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Problem:
    """Why an input was not read. ``code`` is stable (see README, error codes)."""

    code: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        tail = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.code}: {self.message}{tail}"


def decode_text(data: bytes, max_chars: int = MAX_CHARS) -> str | Problem:
    """Decode bytes as UTF-8 text, or say why they are not usable text."""
    if not data.strip():
        return Problem("E001", "empty input", "the file has no text")
    head = data[:65536]
    if b"\x00" in head:
        return Problem("E002", "binary data (NUL bytes)", "give a UTF-8 .txt or .jsonl file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(
            "E003",
            f"invalid UTF-8 at byte {exc.start}",
            "re-encode the file as UTF-8 (e.g. iconv -f cp1251 -t utf-8)",
        )
    controls = sum(
        1 for c in text[:65536] if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f"
    )
    if controls > max(8, len(text[:65536]) // 100):
        return Problem("E002", "binary data (control characters)", "give a UTF-8 text file")
    if len(text) > max_chars:
        return Problem(
            "E004",
            f"too large ({len(text):,} characters > {max_chars:,})",
            "split it into one article per file or per JSONL line",
        )
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """NFC, unified newlines, no BOM or zero-width characters; lengths of lines kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u200b", "").replace("\ufeff", "").replace("\u00ad", "")
    return unicodedata.normalize("NFC", text)


def kazakh_share(text: str) -> float:
    """Share of Cyrillic words that are recognisably Kazakh (0.0–1.0).

    A word counts as Kazakh when it has a Kazakh-only letter or is a frequent
    Kazakh word; Cyrillic words without either count against it only when the
    text also has Russian function words.
    """
    words = [w for w in _WORD.findall(text) if any("\u0400" <= c <= "\u04ff" for c in w)]
    if not words:
        return 0.0
    kk = sum(1 for w in words if _KK_LETTERS & set(w) or w.lower() in _KK_WORDS)
    ru = len(_RU_MARKERS.findall(text))
    if ru == 0:
        return 1.0 if kk else 0.5
    return kk / max(1, kk + ru * 3)


def is_kazakh_line(line: str) -> bool:
    """True for a line worth reading as Kazakh (not a Russian or English-only line).

    >>> is_kazakh_line("Your email address will not be published.")
    False
    >>> is_kazakh_line("Конференция барысында 240 адам кірді.")
    True
    """
    words = _WORD.findall(line)
    if not words:
        return False
    cyr = [w for w in words if any("\u0400" <= c <= "\u04ff" for c in w)]
    if not cyr:
        return False
    return kazakh_share(line) >= 0.4


def language_problem(text: str) -> Problem | None:
    """A Problem when the article as a whole is not Kazakh."""
    share = kazakh_share(text)
    has_cyrillic = any("\u0400" <= c <= "\u04ff" for c in text)
    if not has_cyrillic:
        return Problem("E005", "no Kazakh text found", "Derek reads Kazakh-language news")
    if share < 0.35:
        return Problem(
            "E006",
            f"looks like Russian or another language (Kazakh share {share:.0%})",
            "only Kazakh articles are read; mixed articles keep their Kazakh paragraphs",
        )
    return None
