"""Kazakh Cyrillic → Kazakh Latin alphabet (the 2021 revision) and ASCII slugs.

Every entity gets a Latin-script label (``translit``) so people who search in
Latin find it, and every normalised id (``slug``) is built from that Latin form
folded to ASCII, so IRIs never carry raw text.

>>> translit("Жеңіс Асанов")
'Jeñıs Asanov'
>>> translit("Қасым-Жомарт Тоқаев")
'Qasym-Jomart Toqaev'
>>> slug("«AMANAT» партиясы Солтүстік Қазақстан облыстық филиалы")
'amanat-partiiasy-soltustik-qazaqstan-oblystyq-filialy'
"""

from __future__ import annotations

import functools
import re
import unicodedata

_MAP = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e",
    "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l",
    "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}
_UPPER_SPECIAL = {"і": "I", "и": "İ", "й": "İ"}
_FOLD = str.maketrans({"ä": "a", "ğ": "g", "ı": "i", "ñ": "n", "ö": "o", "ş": "s",
                       "ū": "u", "ü": "u", "İ": "i", "I": "i"})


@functools.lru_cache(maxsize=1 << 14)  # names and titles repeat across an article's labels
def translit(text: str) -> str:
    """Transliterate Kazakh (and Russian) Cyrillic to the 2021 Kazakh Latin alphabet."""
    out: list[str] = []
    for ch in text:
        low = ch.lower()
        lat = _MAP.get(low)
        if lat is None:
            out.append(ch)
        elif ch != low:  # upper case
            up = _UPPER_SPECIAL.get(low)
            out.append(up if up is not None else lat[:1].upper() + lat[1:])
        else:
            out.append(lat)
    return "".join(out)


def slug(text: str, max_len: int = 80) -> str:
    """An ASCII id made of ``[a-z0-9-]`` from any text (Latin, Cyrillic, quotes, emoji).

    >>> slug("Б.Сапарбаев / 😀 «x»")
    'b-saparbaev-x'
    >>> slug("")
    'x'
    """
    latin = translit(text).translate(_FOLD).lower()
    latin = unicodedata.normalize("NFKD", latin)
    latin = "".join(c for c in latin if not unicodedata.combining(c))
    s = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    s = s[:max_len].rstrip("-")
    return s or "x"
