"""Gold annotations (spec §5): loading, validation, and the normalisation both sides of a
comparison go through (:func:`norm` for strings, :func:`norm_unit`, :func:`to_decimal`).

>>> norm_unit("АЕК"), to_decimal("92,5")
('айлық есептік көрсеткіш', Decimal('92.5'))
"""

from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kg.model import QUALIFIERS

Article = dict[str, Any]
Gold = list[Article]
Key = tuple[Any, ...]

REQUIRED_KEYS: tuple[str, ...] = ("articleId", "people", "organisations", "projects", "figures")
FIGURE_KEYS: tuple[str, ...] = ("text", "value", "unit", "qualifier", "reporter", "project")

_QUOTES = re.compile(r"[«»“”„‟\"″‹›]")
_APOSTROPHES = re.compile(r"[‘’‚‛`´]")
_SPACE = re.compile(r"\s+")
#: surface spellings of the spec's normalised units
UNIT_ALIASES: dict[str, str] = {
    "%": "percent", "пайыз": "percent", "теңге": "kzt", "тг": "kzt", "₸": "kzt",
    "га": "hectare", "гектар": "hectare", "адам": "person", "елдімекен": "елді мекен",
    # measures: the spec's nominative lemma and the codes/abbreviations used before it
    "tonne": "тонна", "тн": "тонна", "т": "тонна", "km": "шақырым", "км": "шақырым",
    "километр": "шақырым", "m3": "текше метр", "м3": "текше метр", "м³": "текше метр",
    "m2": "шаршы метр", "м2": "шаршы метр", "м²": "шаршы метр", "km2": "шаршы шақырым",
    "км2": "шаршы шақырым", "m": "метр", "м": "метр", "kg": "килограмм", "кг": "килограмм",
    "litre": "литр", "л": "литр", "centner": "центнер", "ц": "центнер", "mw": "мегаватт",
    "мвт": "мегаватт", "kw": "киловатт", "квт": "киловатт", "gw": "гигаватт",
    "гвт": "гигаватт", "ha": "hectare", "аек": "айлық есептік көрсеткіш",
}


def norm(text: Any) -> str:
    """Normalise a string for comparison: NFC, quotes unified, spaces collapsed, casefolded.

    >>> norm("  «AMANAT»   Партиясы ") == norm('"amanat" партиясы')
    True
    >>> norm(None)
    ''
    """
    if text is None:
        return ""
    s = unicodedata.normalize("NFC", str(text))
    s = _APOSTROPHES.sub("'", _QUOTES.sub('"', s))
    return _SPACE.sub(" ", s).strip().casefold()


def norm_unit(unit: Any) -> str:
    """:func:`norm` plus the aliases in :data:`UNIT_ALIASES`.

    >>> norm_unit("KZT"), norm_unit("%"), norm_unit("елдімекен")
    ('kzt', 'percent', 'елді мекен')
    """
    u = norm(unit)
    return UNIT_ALIASES.get(u, u)


def to_decimal(value: Any) -> Decimal | None:
    """A figure's value as a normalised Decimal; ``None`` when it is not a number.

    >>> to_decimal("92500000.0") == to_decimal(92500000) == to_decimal("9.25E7")
    True
    >>> to_decimal("43,5"), to_decimal("1 572 800"), to_decimal("abc")
    (Decimal('43.5'), Decimal('1.5728E+6'), None)
    """
    if value is None or isinstance(value, bool):
        return None
    s = str(value).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        d = Decimal(s)
    except InvalidOperation:
        return None
    return d.normalize() if d.is_finite() else None


# ---- gold files

def validate_article(article: Article) -> list[str]:
    """Problems with one gold article dict (empty when valid).

    >>> validate_article({"articleId": "a", "people": [], "organisations": [],
    ...     "projects": [], "figures": [{"text": "5", "value": "x", "unit": "жоба",
    ...     "qualifier": "some", "reporter": "Ы", "project": None}]})
    ['figure 0: value is not numeric', "figure 0: qualifier 'some'", "figure 0: reporter 'Ы' is not a person"]
    """
    problems = [f"missing key {k!r}" for k in REQUIRED_KEYS if k not in article]
    if problems:
        return problems
    names = {norm(p.get("name")) for p in article["people"]}
    for i, p in enumerate(article["people"]):
        if not p.get("name") or not {"position", "organisation"} <= set(p):
            problems.append(f"person {i}: needs name, position, organisation")
    for i, o in enumerate(article["organisations"]):
        if not o.get("name") or "parent" not in o:
            problems.append(f"organisation {i}: needs name and parent")
    if not all(isinstance(p, str) and p for p in article["projects"]):
        problems.append("projects must be non-empty strings")
    for i, f in enumerate(article["figures"]):
        missing = [k for k in FIGURE_KEYS if k not in f]
        if missing:
            problems.append(f"figure {i}: missing {missing}")
            continue
        if isinstance(f["value"], bool) or not isinstance(f["value"], int | float):
            problems.append(f"figure {i}: value is not numeric")
        if f["qualifier"] not in QUALIFIERS:
            problems.append(f"figure {i}: qualifier {f['qualifier']!r}")
        if not f["unit"]:
            problems.append(f"figure {i}: empty unit")
        if f["reporter"] is not None and norm(f["reporter"]) not in names:
            problems.append(f"figure {i}: reporter {f['reporter']!r} is not a person")
    return problems


def load_gold(path: str | Path) -> Gold:
    """Gold articles from a JSON file (one article or a list) or a directory of them.

    Raises ``ValueError`` naming the file when an article is invalid.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.json").write_text('{"articleId": "a", "people": [], '
    ...     '"organisations": [], "projects": ["Іскер ана"], "figures": []}')
    >>> [g["articleId"] for g in load_gold(d)]
    ['a']
    """
    p = Path(path)
    files = sorted(p.glob("*.json")) if p.is_dir() else [p]
    gold: Gold = []
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        for article in data if isinstance(data, list) else [data]:
            problems = validate_article(article)
            if problems:
                raise ValueError(f"{file}: {'; '.join(problems)}")
            gold.append(article)
    return gold


# ---- scoring
