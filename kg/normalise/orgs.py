"""Organisation names: head words, left-branching name phrases, hierarchy.

Kazakh organisation names end in a head noun with the 3rd-person possessive
(«партиясы», «филиалы», «әкімдігі», «басқармасы») or a legal-form abbreviation
(«ЖШС», «АҚ»), and everything that names the body comes before it: quoted
names, places, adjectives, nominal compounds, and the parent organisation —
either in the nominative («"AMANAT" партиясы … филиалы») or in the genitive
(«Жамбыл облысы әкімдігінің ішкі саясат басқармасы»). The canonical name is
the phrase as written with the head put back into the nominative; each inner
head splits off a parent organisation.

Choice: names keep the text's own spelling (quotes, abbreviations such as
«БҚО»); merging across variants uses :func:`org_match_key`, which expands
region abbreviations, so «…комитетінің БҚО бойынша департаменті» and
«…комитетінің Батыс Қазақстан облысы бойынша департаменті» are one body.

>>> hits = find_orgs(*_demo("Жамбыл облысы әкімдігінің ішкі саясат басқармасының басшысы"))
>>> [(h.name, h.parent.name if h.parent else None) for h in hits]
[('Жамбыл облысы әкімдігінің ішкі саясат басқармасы', 'Жамбыл облысы әкімдігі')]
>>> [h.name for h in find_orgs(*_demo("Кеше «INTERTASCO» ЖШС-ның өкілі келді"))]
['«INTERTASCO» ЖШС']
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from kg.normalise.morph import POSSESSIVE_CASE, tokenize
from kg.normalise.places import _ABBREV, is_place_word

Token = tuple[str, int, int]

#: head word (possessive nominative) → strong (names a body on its own) or weak
HEADS: dict[str, bool] = {
    **{h: True for h in (
        "партиясы", "филиалы", "әкімдігі", "министрлігі", "комитеті", "департаменті",
        "басқармасы", "агенттігі", "инспекциясы", "прокуратурасы", "мәслихаты",
        "университеті", "колледжі", "институты", "академиясы", "ауруханасы", "емханасы",
        "палатасы", "қауымдастығы", "ассоциациясы", "федерациясы", "ассамблеясы",
        "корпорациясы", "компаниясы", "холдингі", "серіктестігі", "кәсіпорны", "гимназиясы",
        "лицейі", "аппараты", "өкілдігі", "редакциясы", "телеарнасы", "газеті", "журналы",
        "фракциясы", "филармониясы", "театры", "музейі", "кітапханасы", "балабақшасы",
        "комиссиясы", "бюросы", "соты",
    )},
    **{h: False for h in (
        "бөлімі", "кеңесі", "қоры", "қоғамы", "орталығы", "мектебі", "одағы", "мекемесі",
        "ұйымы", "бірлестігі", "банкі", "штабы", "клубы", "кеңсесі", "қорығы",
    )},
}
LEGAL_FORMS = frozenset({"ЖШС", "АҚ", "ЖАҚ", "ҚҚ", "КЕАҚ", "РМК", "ШЖҚ", "МКҚК", "КММ", "КМҚК",
                         "РМҚК", "ҚБ", "ЖК", "ӨК", "ТОО", "АО"})
#: modifiers that never make a name specific on their own
GENERIC = frozenset("""облыс облысы облыстық қала қаласы қалалық аудан ауданы аудандық ауыл ауылы
ауылдық өңір өңірлік жергілікті республикалық мемлекеттік қоғамдық ұлттық бұл осы сол аталған
тиісті барлық әр жаңа бірқатар және мен бен пен , бойынша жөніндегі жанындағы партия""".split())
_LINKERS = frozenset({"бойынша", "жөніндегі", "жанындағы", "қарасындағы", "және", "мен", "бен",
                      "пен", ",", "-", "–"})
_STOP_WORDS = frozenset("""үшін туралы арқылы кейін бірге сияқты секілді дейін бері сайын
сондай-ақ сонымен қатар да де та те ғана тек әрі немесе не яғни оның олардың біздің өкілдері
қатысуымен қатысты деп деді дейді айтты өтті мәлімдеді хабарлады баяндады жеткізді тоқталды
берді болды""".split())
_BAD_ENDINGS = ("ға", "ге", "қа", "ке", "да", "де", "та", "те", "дан", "ден", "тан", "тен",
                "нан", "нен", "ған", "ген", "қан", "кен", "атын", "етін", "йтын", "йтін",
                "ып", "іп", "дағы", "дегі", "тағы", "тегі", "ады", "еді", "йды", "йді", "ады")
_CAP_BAD = ("ға", "ге", "қа", "ке", "да", "де", "та", "те", "дағы", "дегі", "тағы", "тегі")
_REGION_WORDS = frozenset({"Қазақстан", "Солтүстік", "Оңтүстік", "Батыс", "Шығыс", "Орталық"})
_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
#: position nouns (3rd-person possessive), as they follow an organisation's name
POSITION_WORDS = frozenset("""әкімі басшысы төрағасы төрайымы хатшысы орынбасары директоры
меңгерушісі жетекшісі министрі вице-министрі депутаты президенті бастығы маманы қызметкері
өкілі мүшесі сарапшысы кеңесшісі көмекшісі инспекторы дәрігері мұғалімі оқытушысы ректоры
проректоры деканы бас маман спикері сенаторы төрағалығы үйлестірушісі координаторы
бас директоры атқарушы тілшісі редакторы прокуроры судьясы командирі аппарат бастығы
меңгерушісінің""".split())


def position_of(word: str) -> str | None:
    """The nominative position noun for a position word in any case form.

    >>> position_of("басшысының"), position_of("әкімі"), position_of("филиалы")
    ('басшысы', 'әкімі', None)
    """
    low = word.lower()
    if low in POSITION_WORDS and low.endswith(("ы", "і")):
        return low
    for end in POSSESSIVE_CASE:
        if low.endswith(end) and low[: -len(end)] in POSITION_WORDS:
            return low[: -len(end)]
    return None


_QUANT = frozenset("бір екі үш төрт бес алты жеті сегіз тоғыз он барлық бірнеше көптеген әрбір".split())
_MEDIA = re.compile(r"^[A-Za-z][A-Za-z0-9-]*\.(?:kz|KZ|com|ru|org|info|net)$")


@dataclass
class OrgHit:
    """One organisation mention with its canonical name and its parent chain."""

    name: str
    start: int
    end: int
    head: str
    parent: OrgHit | None = None
    vague: bool = False


def head_of(word: str) -> str | None:
    """The nominative head if ``word`` is an organisation head in any case form.

    >>> head_of("филиалының"), head_of("әкімдігіне"), head_of("ЖШС-ның"), head_of("кеңестің")
    ('филиалы', 'әкімдігі', 'ЖШС', None)
    """
    if word in LEGAL_FORMS:
        return word
    base = word.split("-")[0]
    if base in LEGAL_FORMS and base != word:
        return base
    low = word.lower()
    if low in HEADS:
        return low
    for end in POSSESSIVE_CASE:
        if low.endswith(end) and low[: -len(end)] in HEADS:
            return low[: -len(end)]
    return None


def org_match_key(name: str) -> str:
    """A comparison form: abbreviations expanded, quotes and generic words dropped.

    >>> org_match_key("облыстық денсаулық сақтау басқармасы") == org_match_key("БҚО денсаулық сақтау басқармасы")
    False
    >>> org_match_key("«AMANAT» партиясы")
    'amanat партиясы'
    """
    words = []
    for w in re.findall(r"[\w-]+", name):
        words.append(_ABBREV.get(w, w))
    return " ".join(words).lower()


def _content(words: list[str]) -> int:
    return sum(1 for w in words if w.lower() not in GENERIC and head_of(w) is None
               and w not in "«»\"“”")


def _lowercase_ok(tok: str, nxt: str) -> bool:
    low = tok.lower()
    if low in _STOP_WORDS or any(c.isdigit() for c in tok):
        return False
    if low.endswith(("мен", "пен", "бен")) and len(low) > 4:
        return nxt.endswith(("у", "ю", "уды", "уді", "уын"))  # «жұмыспен қамту»
    if low.endswith(_GENITIVE) and not low.startswith(("облыс", "қала", "аудан")):
        return False
    return not (low.endswith(_BAD_ENDINGS) and low not in _LINKERS)


def _extend_left(toks: list[Token], h: int, stop: set[int], first: int) -> int:
    """Index of the first token of the name whose head is ``toks[h]``."""
    j = h
    lower_run = 0
    i = h - 1
    while i >= first:
        tok = toks[i][0]
        if i in stop or position_of(tok) is not None:
            break
        if tok == "»" or tok == '"' and i > first:
            k = next((m for m in range(i - 1, max(first, i - 12) - 1, -1)
                      if toks[m][0] in ("«", '"', "“")), None)
            if k is None:
                break
            j = i = k
            i -= 1
            continue
        hd = head_of(tok)
        prev_head = i > first and head_of(toks[i - 1][0]) is not None
        if tok in (",", "және", "мен", "бен", "пен") and (prev_head or i == first):
            break
        if hd is not None:
            if hd in LEGAL_FORMS or tok.lower() != hd and not tok.lower().endswith(_GENITIVE):
                break  # «ЖШС облыстық … қоғамы»: two bodies side by side
            j = i
            lower_run = 0
        elif tok in _ABBREV or tok in ("ҚР", "РФ", "ТМД", "БҰҰ", "ЕАЭО") or _MEDIA.match(tok):
            j = i
        elif tok[:1].isupper():
            if tok.endswith(_CAP_BAD):
                break
            if i == first and not (is_place_word(tok) or tok.isupper() or tok in ("Қазақ",)):
                from kg.normalise.people import COMMON_CAPS
                if tok in COMMON_CAPS or not toks[i + 1][0][:1].isupper():
                    break
            j = i
            lower_run = 0
        elif tok.lower() == "бойынша" and i > first and not (
                toks[i - 1][0][:1].isupper() or toks[i - 1][0].lower().startswith(
                    ("облыс", "қала", "аудан"))):
            break
        elif tok.lower() in _LINKERS or tok.lower() in GENERIC:
            j = i
        elif tok.isalpha() or "-" in tok:
            nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
            if not _lowercase_ok(tok, nxt) or lower_run >= 6:
                break
            lower_run += 1
            j = i
        else:
            break
        i -= 1
    while j < h and toks[j][0].lower() in _LINKERS:
        j += 1
    return j


def _name(text: str, toks: list[Token], j: int, h: int, head: str) -> str:
    prefix = text[toks[j][1]: toks[h][1]] if j < h else ""
    name = re.sub(r"\s+", " ", prefix + head).strip()
    return name


def _build(text: str, toks: list[Token], j: int, h: int) -> OrgHit:
    head = head_of(toks[h][0]) or toks[h][0]
    hit = OrgHit(_name(text, toks, j, h, head), toks[j][1], toks[h][2], head)
    words = [t for t, _, _ in toks[j:h]]
    quoted = any(t in ("«", '"', "“") for t in words)
    anchor = quoted or any(t[:1].isupper() for t in words) or head in LEGAL_FORMS
    content = _content(words)
    strong = HEADS.get(head, True)
    hit.vague = content == 0 or not anchor and (content < (1 if strong else 2))
    for k in range(h - 1, j, -1):
        if head_of(toks[k][0]) is not None and toks[k][0] not in LEGAL_FORMS:
            hit.parent = _build(text, toks, j, k)
            break
    return hit


def find_orgs(text: str, toks: list[Token], stop: set[int] | None = None) -> list[OrgHit]:
    """Organisation mentions among one sentence's tokens (outermost heads only).

    ``stop`` holds indices of tokens that belong to people's names.
    """
    stop = stop or set()
    hits: list[OrgHit] = []
    covered_until = -1
    n = len(toks)
    for h, (tok, s, e) in enumerate(toks):
        if _MEDIA.match(tok):
            hits.append(OrgHit(tok, s, e, tok))
            continue
        head = head_of(tok)
        if head is None or h in stop:
            continue
        nxt = toks[h + 1][0] if h + 1 < n else ""
        low = tok.lower()
        # an inner head continues into a longer name: «партиясы … филиалы»
        if low == head and h + 1 < n and _continues(toks, h + 1):
            continue
        if low.endswith(_GENITIVE) and _continues(toks, h + 1):
            continue
        if nxt == "»" and any(t == "«" for t, _, _ in toks[max(0, h - 10):h]):
            k = max(m for m in range(max(0, h - 10), h) if toks[m][0] == "«")
            hit = OrgHit(text[toks[k][1]: toks[h + 1][2]], toks[k][1], toks[h + 1][2], head)
            hits.append(hit)
            covered_until = h + 1
            continue
        j = _extend_left(toks, h, stop, max(0, covered_until + 1))
        hit = _build(text, toks, j, h)
        before = toks[j - 1][0] if j > 0 else ""
        if any(c.isdigit() for c in before) or before.lower() in _QUANT:
            hit.vague = True  # «5 арнаулы … орталығы»: a counted common noun
        hits.append(hit)
        covered_until = h
    return hits


def _continues(toks: list[Token], i: int) -> bool:
    """Whether the tokens from ``i`` on carry the name on to a later head."""
    if i >= len(toks) or toks[i][0] in (",", "және", "мен", "бен", "пен", "-", "–", "—"):
        return False
    for m in range(i, min(len(toks), i + 10)):
        tok = toks[m][0]
        if head_of(tok) is not None:
            return True
        if position_of(tok) is not None:
            return False
        if tok in (".", "!", "?", ";", ":") or any(c.isdigit() for c in tok):
            return False
        if tok == "," and m > i and head_of(toks[m - 1][0]) is not None:
            return False
        if tok[:1].islower() and not _lowercase_ok(tok, toks[m + 1][0] if m + 1 < len(toks)
                                                   else "") and tok not in _LINKERS:
            return False
    return False


def _demo(sentence: str) -> tuple[str, list[Token]]:
    return sentence, tokenize(sentence)


def org_key(name: str) -> str:
    """Cross-article key: slug of :func:`org_match_key`; long names end in a short hash.

    >>> org_key("«AMANAT» партиясы")
    'amanat-partiiasy'
    >>> len(org_key("ҚР Еңбек және халықты әлеуметтік қорғау министрлігі " * 3)) <= 80
    True
    """
    from kg.normalise.translit import slug

    full = slug(" ".join(_words(name)), max_len=1000)
    if len(full) <= 80:
        return full
    digest = hashlib.sha1(full.encode()).hexdigest()[:8]
    return full[:71].rstrip("-") + "-" + digest


def _words(name: str) -> list[str]:
    words = [w for w in org_match_key(name).split() if w not in ("партия", "және")]
    while len(words) > 1 and words[0] in GENERIC:
        words = words[1:]
    return words


def _quoted(name: str) -> str | None:
    m = re.search(r"[«\"“]([^»\"”]+)[»\"”]", name)
    return m.group(1).lower() if m else None


class OrgResolver:
    """Merge one article's organisation mentions into canonical organisations.

    Variants merge when one's words (abbreviations expanded, leading generic
    modifiers dropped) end the other's («ішкі саясат басқармасы» → «Жамбыл
    облысы әкімдігінің ішкі саясат басқармасы»), or when both have the same
    quoted name and head («"Бақытты отбасы" орталығы»). The longest variant
    names the organisation. Vague mentions («облыс әкімдігі») join a named
    organisation with the same head or are dropped.

    >>> t = "Жамбыл облысы әкімдігінің ішкі саясат басқармасы. Облыс әкімдігі мен ішкі саясат басқармасы."
    >>> toks = tokenize(t)
    >>> r = OrgResolver(t, find_orgs(t, toks[:6]) + find_orgs(t, toks[7:]))
    >>> [(o.name, o.parent_key) for o in r.organisations()]
    [('Жамбыл облысы әкімдігінің ішкі саясат басқармасы', 'jambyl-oblysy-akimdigi'), ('Жамбыл облысы әкімдігі', None)]
    """

    def __init__(self, text: str, hits: list[OrgHit], mentions: list | None = None) -> None:
        from kg.model import Mention, Organisation
        from kg.normalise.translit import translit

        self._translit, self._Org, self._Mention = translit, Organisation, Mention
        self.text = text
        self.orgs: dict[str, Organisation] = {}
        self.by_end: dict[int, str] = {}
        flat: list[OrgHit] = []
        for h in hits:
            p: OrgHit | None = h
            while p is not None:
                flat.append(p)
                p = p.parent
        named = sorted((h for h in flat if not h.vague), key=lambda h: -len(_words(h.name)))
        canon: dict[int, str] = {}
        for h in named:
            key = self._match(h.name)
            if key is None:
                key = org_key(h.name)
                self.orgs[key] = Organisation(key=key, name=h.name, latin=translit(h.name))
            canon[id(h)] = key
        for h in flat:
            key = canon.get(id(h)) or self._vague(h)
            if key is None:
                continue
            canon[id(h)] = key
            org = self.orgs[key]
            org.mentions.append(Mention(h.start, h.end, text[h.start:h.end], "ORGANISATION",
                                        "rules"))
            self.by_end.setdefault(h.end, key)
            if h.parent is not None and not h.parent.vague and org.parent_key is None:
                pk = canon.get(id(h.parent))
                if pk and pk != key:
                    org.parent_key = pk
        for m in mentions or []:
            if getattr(m, "label", "") == "ORGANISATION" and not any(
                    s < m.end and m.start < e for o in self.orgs.values()
                    for s, e in ((x.start, x.end) for x in o.mentions)):
                words = m.text.split() or [""]
                head = head_of(words[-1])
                if head and len(words) >= 2:
                    self.add(" ".join(words[:-1] + [head]), m)

    def _match(self, name: str) -> str | None:
        w, q = _words(name), _quoted(name)
        for key, org in self.orgs.items():
            ow = _words(org.name)
            if ow == w or len(w) >= 2 and ow[-len(w):] == w:
                return key
            if q and q == _quoted(org.name) and ow[-1] == w[-1]:
                return key
        return None

    def _vague(self, h: OrgHit) -> str | None:
        same = [k for k, o in self.orgs.items() if _words(o.name)[-1] == h.head]
        for terr in ("облыс", "қала", "аудан"):
            if terr in h.name.lower():
                narrowed = [k for k in same if terr in self.orgs[k].name.lower()]
                return narrowed[0] if len(narrowed) == 1 else None
        return same[0] if len(same) == 1 else None

    def add(self, name: str, mention: object | None = None) -> str:
        """Add (or find) an organisation by name; returns its key."""
        key = self._match(name)
        if key is None:
            key = org_key(name)
            self.orgs[key] = self._Org(key=key, name=name, latin=self._translit(name))
        if mention is not None:
            self.orgs[key].mentions.append(mention)  # type: ignore[arg-type]
        return key

    def add_akimat(self, place_name: str) -> str:
        """The akimat of a territory («Алматы қаласы» → «Алматы қаласы әкімдігі»)."""
        return self.add(f"{place_name} әкімдігі")

    def org_ending_at(self, end: int) -> str | None:
        """Key of the organisation whose mention ends at offset ``end``."""
        return self.by_end.get(end)

    def find_by_head(self, head: str) -> str | None:
        """The first top-level organisation with this head («партиясы»)."""
        return next((k for k, o in self.orgs.items()
                     if _words(o.name)[-1] == head and o.parent_key is None), None)

    def organisations(self) -> list:
        """Organisations in order of first mention (added ones last)."""
        return sorted(self.orgs.values(),
                      key=lambda o: min((m.start for m in o.mentions), default=10**9))
