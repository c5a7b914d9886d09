"""Kazakhstan's regions, their abbreviations and cities; place mentions → canonical places.

Canonical names are nominative and keep the administrative word:
regions «X облысы», districts «X ауданы», villages «X ауылы», and cities
«X қаласы» (so a city akim's post reads «Алматы қаласы», spec §1). Bare or
inflected city names («Алматыда», «Қызылордадағы», «ҚЫЗЫЛОРДА») and region
abbreviations («СҚО-да», «БҚО») resolve to the same place.

>>> [(p.name, p.text) for p in find_places(tokenize("СҚО-да және Алатау ауданының тұрғындары"))]
[('Солтүстік Қазақстан облысы', 'СҚО-да'), ('Алатау ауданы', 'Алатау ауданының')]
>>> region_by_abbrev("БҚО")
'Батыс Қазақстан облысы'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.normalise.morph import possessive_nominative, strip_with, tokenize

__all__ = ["REGIONS", "CITIES", "PlaceHit", "find_places", "region_by_abbrev", "tokenize",
           "city_name", "is_place_word"]

#: region name → (abbreviations, administrative centre, former names)
REGIONS: dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]] = {
    "Абай облысы": ((), "Семей", ()),
    "Ақмола облысы": ((), "Көкшетау", ()),
    "Ақтөбе облысы": ((), "Ақтөбе", ()),
    "Алматы облысы": ((), "Қонаев", ()),
    "Атырау облысы": ((), "Атырау", ()),
    "Батыс Қазақстан облысы": (("БҚО",), "Орал", ()),
    "Жамбыл облысы": ((), "Тараз", ()),
    "Жетісу облысы": ((), "Талдықорған", ()),
    "Қарағанды облысы": ((), "Қарағанды", ()),
    "Қостанай облысы": ((), "Қостанай", ()),
    "Қызылорда облысы": ((), "Қызылорда", ()),
    "Маңғыстау облысы": ((), "Ақтау", ()),
    "Павлодар облысы": ((), "Павлодар", ()),
    "Солтүстік Қазақстан облысы": (("СҚО",), "Петропавл", ()),
    "Түркістан облысы": (("ОҚО",), "Түркістан", ("Оңтүстік Қазақстан облысы",)),
    "Ұлытау облысы": ((), "Жезқазған", ()),
    "Шығыс Қазақстан облысы": (("ШҚО",), "Өскемен", ()),
}
_ABBREV = {a: name for name, (abbrs, _, _) in REGIONS.items() for a in abbrs}
_FORMER = {old: name for name, (_, _, olds) in REGIONS.items() for old in olds}

#: cities (republican significance first), with spelling variants → canonical
CITIES: dict[str, str] = {c: c for c in (
    "Астана", "Алматы", "Шымкент", "Семей", "Көкшетау", "Ақтөбе", "Қонаев", "Атырау", "Орал",
    "Тараз", "Талдықорған", "Қарағанды", "Қостанай", "Қызылорда", "Ақтау", "Павлодар",
    "Петропавл", "Түркістан", "Жезқазған", "Өскемен", "Байқоңыр", "Екібастұз", "Теміртау",
    "Жаңаөзен", "Кентау", "Сарыағаш", "Балқаш", "Сәтбаев", "Рудный", "Лисаковск", "Арқалық",
    "Степногорск", "Риддер", "Аягөз", "Зайсан", "Қаскелең", "Есік", "Талғар", "Текелі",
    "Үшарал", "Жаркент", "Сарқанд", "Қаратау", "Жанатас", "Арал", "Қазалы", "Шиелі",
    "Жаңақорған", "Құлсары", "Хромтау", "Шалқар", "Ембі", "Қандыағаш", "Ақсай", "Ақсу",
    "Приозерск", "Шахтинск", "Сарань", "Абай", "Қапшағай", "Жітіқара", "Тобыл", "Щучинск",
    "Мамлют", "Булаев", "Кеген", "Алтай", "Шар", "Ленгер", "Жетісай", "Мақтаарал",
    "Курчатов", "Қаражал", "Қарқаралы", "Ерейментау", "Атбасар", "Есіл", "Державинск",
    "Макинск", "Степняк", "Ақкөл", "Сергеев", "Тайынша", "Булаево", "Форт-Шевченко",
    "Бейнеу", "Ойыл", "Серебрянск", "Шемонаиха",
)}
CITIES.update({"Нұр-Сұлтан": "Астана", "Алма-Ата": "Алматы", "Уральск": "Орал",
               "Петропавловск": "Петропавл", "Усть-Каменогорск": "Өскемен",
               "Ақмола": "Астана"})
#: cities whose bare name is too ambiguous (also a given name / region) to count alone
_AMBIGUOUS_BARE = frozenset({"Абай", "Алтай", "Шар", "Арал", "Ақсу", "Есік", "Ақмола"})

_UNITS = {"облысы": "облысы", "ауданы": "ауданы", "қаласы": "қаласы", "ауылы": "ауылы",
          "облыстық": "облысы", "кенті": "кенті"}
_NAME_PARTS = frozenset({"Солтүстік", "Оңтүстік", "Батыс", "Шығыс", "Орталық"})


@dataclass(frozen=True)
class PlaceHit:
    """One place mention: canonical name, surface text, offsets."""

    name: str
    text: str
    start: int
    end: int


def region_by_abbrev(word: str) -> str | None:
    """Region for an abbreviation in any case form («СҚО-да», «БҚО-ның»)."""
    base = word.split("-")[0].upper()
    return _ABBREV.get(base)


@functools.lru_cache(maxsize=1 << 16)
def city_name(word: str) -> str | None:
    """Canonical city for a (possibly inflected or upper-case) city word.

    >>> city_name("Алматыда"), city_name("ҚЫЗЫЛОРДА"), city_name("Нұр-Сұлтан"), city_name("Тамыз")
    ('Алматы', 'Қызылорда', 'Астана', None)
    """
    w = word.title() if word.isupper() and len(word) > 3 else word
    if w in CITIES:
        return CITIES[w]
    stem = strip_with(w, lambda s: s in CITIES)
    return CITIES.get(stem)


def is_place_word(word: str) -> bool:
    """Whether a capitalised word names a place (city, region word, abbreviation)."""
    return (city_name(word) is not None or region_by_abbrev(word) is not None
            or any(word == r.split()[0] for r in REGIONS))


def _unit(word: str) -> str | None:
    low = word.lower()
    if low in _UNITS:
        return _UNITS[low]
    nom = possessive_nominative(low)
    return _UNITS.get(nom) if nom != "облыстық" else None


def _rural_okrug(tokens: list[tuple[str, int, int]], i: int) -> PlaceHit | None:
    """«Бесқауға ауылдық округінің», «Төле би ауылдық округі» at the word «ауылдық» (``i``).

    >>> from kg.normalise.morph import tokenize
    >>> toks = tokenize("Төле би ауылдық округінің әкімі")
    >>> _rural_okrug(toks, 2)
    PlaceHit(name='Төле би ауылдық округі', text='Төле би ауылдық округінің', start=0, end=25)
    """
    if tokens[i][0].lower() != "ауылдық" or i + 1 >= len(tokens) or i == 0 or \
            possessive_nominative(tokens[i + 1][0].lower()) != "округі":
        return None
    j = i - 1
    if tokens[j][0] == "би" and j > 0:  # «Төле би», «Қазыбек би»
        j -= 1
    word = tokens[j][0]
    if not (word[:1].isupper() and word.isalpha() and not word.isupper()):
        return None
    base = " ".join(t for t, _, _ in tokens[j:i])
    return PlaceHit(f"{base} ауылдық округі", " ".join(t for t, _, _ in tokens[j:i + 2]),
                    tokens[j][1], tokens[i + 1][2])


def find_places(tokens: list[tuple[str, int, int]]) -> list[PlaceHit]:
    """Place mentions in a token list (from :func:`tokenize`)."""
    hits: list[PlaceHit] = []
    used: set[int] = set()
    n = len(tokens)
    for i, (tok, s, e) in enumerate(tokens):
        if i in used:
            continue
        okrug = _rural_okrug(tokens, i)
        if okrug is not None:
            hits.append(okrug)
            used.update(range(i - len(okrug.text.split()) + 2, i + 2))
            continue
        unit = _unit(tok)
        if unit and i > 0 and tokens[i - 1][0][:1].isupper() and tokens[i - 1][0].isalpha() \
                and i - 1 not in used:
            j = i - 1
            if j > 0 and tokens[j - 1][0] in _NAME_PARTS:
                j -= 1
            if tokens[j][0].lower() == "ықшам" or tokens[i - 1][0].isupper():
                continue
            if tok.lower() == "облыстық" and not is_place_word(tokens[j][0]):
                continue  # «Жиынды облыстық мәслихаттың депутаты»: every region is known
            base = " ".join(t for t, _, _ in tokens[j:i])
            if unit == "облысы":
                name = _FORMER.get(base + " облысы", base + " облысы")
            elif unit == "қаласы":
                name = CITIES.get(base, base) + " қаласы"
            else:
                name = f"{base} {unit}"
            hits.append(PlaceHit(name, " ".join(t for t, _, _ in tokens[j:i + 1]),
                                 tokens[j][1], e))
            used.update(range(j, i + 1))
            continue
        reg = region_by_abbrev(tok)
        if reg:
            hits.append(PlaceHit(reg, tok, s, e))
            used.add(i)
            continue
        city = city_name(tok)
        if city and tok not in _AMBIGUOUS_BARE and tok[:1].isupper():
            nxt = tokens[i + 1][0] if i + 1 < n else ""
            if _unit(nxt) or nxt in _NAME_PARTS or nxt.lower() == "ауылдық":
                continue  # «Алматы облысы» / «Қызылорда қаласы» handled at the unit word
            hits.append(PlaceHit(city + " қаласы", tok, s, e))
            used.add(i)
    return hits
