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
меңгерушісінің инженері бухгалтері заңгері экономисі психологы тәрбиешісі
жаттықтырушысы архитекторы""".split())


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


#: heads that never take a parent written before them in the nominative
TOP_HEADS = frozenset({"әкімдігі", "министрлігі", "партиясы", "мәслихаты", "прокуратурасы"})
#: heads named together with their nominative parent («"AMANAT" партиясы … филиалы»)
BRANCH_HEADS = frozenset({"филиалы", "бөлімшесі", "өкілдігі"})
#: internal units named without their genitive parent («…басқармасының X бөлімі» → «X бөлімі»)
SUBUNIT_HEADS = frozenset({"бөлімі", "секторы"})
#: «X жанындағы Y кеңесі»: Y is attached to X (X is Y's parent, not part of its name)
ATTACH = frozenset({"жанындағы", "қарасындағы", "жанынан"})
#: bare (non-possessive) head nouns → their possessive head
BARE_HEADS = {
    "кеңес": "кеңесі", "орталық": "орталығы", "қоғам": "қоғамы", "бірлестік": "бірлестігі",
    "басқарма": "басқармасы", "департамент": "департаменті", "бөлім": "бөлімі",
    "филиал": "филиалы", "комитет": "комитеті", "әкімдік": "әкімдігі", "қор": "қоры",
    "министрлік": "министрлігі", "партия": "партиясы", "инспекция": "инспекциясы",
    "мекеме": "мекемесі", "ұйым": "ұйымы", "одақ": "одағы", "аурухана": "ауруханасы",
}
_BARE_CASES = frozenset("""ның нің дың дің тың тің ға ге қа ке на не да де та те нда нде дан ден
тан тен нан нен ды ді ты ті ны ні н мен бен пен дағы дегі тағы тегі""".split())
_ADJ_ENDS = ("лық", "лік", "дық", "дік", "тық", "тік")
_TERRITORIAL = frozenset({"облыстық", "қалалық", "аудандық", "республикалық", "өңірлік",
                          "ауылдық", "халықаралық"})


def bare_head_of(word: str) -> str | None:
    """The bare nominative of a non-possessive head noun in any case form.

    >>> bare_head_of("орталықтың"), bare_head_of("Басқарма"), bare_head_of("кеңесі")
    ('орталық', 'басқарма', None)
    """
    low = word.lower()
    if low in BARE_HEADS:
        return low
    for bare in BARE_HEADS:
        if low.startswith(bare) and low[len(bare):] in _BARE_CASES:
            return bare
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
    first: int = -1  # token index where the name starts


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
        if i in stop or position_of(tok) is not None or tok.lower() in ATTACH:
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
        if tok in (",", "және", "мен", "бен", "пен") and (
                prev_head or i == first or toks[i + 1][0].lower() in _TERRITORIAL):
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
            if i == first and not (is_place_word(tok) or tok.isupper() or tok in ("Қазақ",)
                                   or tok.lower() in GENERIC):
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
    # «облыстық партия филиалы»: the party is already named → «облыстық филиалы»
    return re.sub(r"\b(облыстық|қалалық|аудандық|өңірлік) партия (филиал)", r"\1 \2", name)


def _inner_head(toks: list[Token], j: int, h: int) -> int | None:
    """The nearest head inside ``toks[j:h]`` that names a parent body."""
    for k in range(h - 1, j, -1):
        if head_of(toks[k][0]) is None or toks[k][0] in LEGAL_FORMS:
            continue
        if head_of(toks[k + 1][0]) is not None:
            continue  # compound head: «инспекциясы комитеті»
        return k
    return None


def _build(text: str, toks: list[Token], j: int, h: int, head: str | None = None) -> OrgHit:
    """The organisation named by ``toks[j..h]``, with the parents named inside it.

    A parent in the nominative is dropped from the name («ҚР … министрлігі
    Мемлекеттік еңбек инспекциясы комитеті» → «Мемлекеттік еңбек инспекциясы
    комитеті») except before a branch («"AMANAT" партиясы … филиалы»); a
    parent in the genitive stays («Жамбыл облысы әкімдігінің ішкі саясат
    басқармасы») except before an internal unit («…басқармасының X бөлімі»).
    """
    head = head or head_of(toks[h][0]) or toks[h][0]
    first = j
    parent = None
    k = _inner_head(toks, j, h)
    if k is not None:
        parent = _build(text, toks, j, k)
        inner = head_of(toks[k][0])
        if toks[k][0].lower() == inner:  # nominative
            first = parent.first if head in BRANCH_HEADS else k + 1
        elif head in SUBUNIT_HEADS and parent.head != "әкімдігі":
            first = k + 1
        else:
            first = parent.first
    while first < h and toks[first][0].lower() in _LINKERS:
        first += 1
    hit = OrgHit(_name(text, toks, first, h, head), toks[first][1], toks[h][2], head,
                 first=first)
    words = [t for t, _, _ in toks[first:h]]
    quoted = any(t in ("«", '"', "“") for t in words)
    anchor = quoted or any(t[:1].isupper() for t in words) or head in LEGAL_FORMS or any(
        t.lower() in _TERRITORIAL for t in words)
    content = _content(words)
    strong = HEADS.get(BARE_HEADS.get(head, head), True)
    hit.vague = content == 0 or not anchor and (content < (1 if strong else 2))
    hit.parent = parent
    return hit


def find_orgs(text: str, toks: list[Token], stop: set[int] | None = None) -> list[OrgHit]:
    """Organisation mentions among one sentence's tokens (outermost heads only).

    ``stop`` holds indices of tokens that belong to people's names.

    >>> s = "Филиал жанындағы Экология мәселелері жөніндегі қоғамдық кеңестің мүшесі"
    >>> [(h.name, h.parent.name) for h in find_orgs(*_demo(s))]
    [('Экология мәселелері жөніндегі қоғамдық кеңес', 'Филиал')]
    """
    stop = stop or set()
    hits: list[OrgHit] = []
    covered_until = -1
    n = len(toks)
    for h, (tok, s, e) in enumerate(toks):
        if _MEDIA.match(tok):
            hits.append(OrgHit(tok, s, e, tok, first=h))
            continue
        if h in stop:
            continue
        head = head_of(tok)
        bare = None
        if head is None:
            bare = bare_head_of(tok)
            if bare is None or h == 0 or not _bare_ok(toks, h):
                continue
            head = BARE_HEADS[bare]
        nxt = toks[h + 1][0] if h + 1 < n else ""
        low = tok.lower()
        later = _next_head(toks, h + 1) if bare is None else None
        # an inner head continues into a longer name: «партиясы … филиалы»,
        # but an akimat or a party after a nominative head is a body of its own
        if later is not None and (low.endswith(_GENITIVE) or low == head and head_of(
                toks[later][0]) not in TOP_HEADS and toks[later][0] not in LEGAL_FORMS):
            continue
        if nxt == "»" and any(t == "«" for t, _, _ in toks[max(0, h - 10):h]):
            k = max(m for m in range(max(0, h - 10), h) if toks[m][0] == "«")
            hit = OrgHit(text[toks[k][1]: toks[h + 1][2]], toks[k][1], toks[h + 1][2], head,
                         first=k)
            hits.append(hit)
            covered_until = h + 1
            continue
        j = _extend_left(toks, h, stop, max(0, covered_until + 1))
        hit = _build(text, toks, j, h, bare)
        if bare is not None and (hit.vague or not _bare_named(toks[hit.first:h])):
            continue
        before = toks[j - 1][0] if j > 0 else ""
        if any(c.isdigit() for c in before) or before.lower() in _QUANT:
            hit.vague = True  # «5 арнаулы … орталығы»: a counted common noun
        if before.lower() in ATTACH and j >= 2:
            _attach(text, toks, hits, hit, j - 2)
        hits.append(hit)
        covered_until = h
    return hits


def _bare_ok(toks: list[Token], h: int) -> bool:
    """A bare head names a body only after an adjective: «облыстық перинаталдық орталық»."""
    prev = toks[h - 1][0].lower()
    if h + 1 < len(toks) and head_of(toks[h + 1][0]) is not None:
        return False  # «облыстық партия филиалы»: a modifier of the next head
    return prev.endswith(_ADJ_ENDS) or prev == "жөніндегі"


def _bare_named(toks: list[Token]) -> bool:
    words = [t.lower() for t, _, _ in toks]
    return any(w in _TERRITORIAL or w == "жөніндегі" for w in words) or any(
        t[:1].isupper() for t, _, _ in toks)


def _attach(text: str, toks: list[Token], hits: list[OrgHit], hit: OrgHit, k: int) -> None:
    """«X жанындағы Y»: X (token ``k`` ends it) is Y's parent; Y's head goes bare."""
    if hits and hits[-1].end == toks[k][2]:
        hit.parent = hits[-1]
    else:
        bare = bare_head_of(toks[k][0])
        head = head_of(toks[k][0]) or (BARE_HEADS[bare] if bare else None)
        if head is None:
            return
        hit.parent = OrgHit(toks[k][0], toks[k][1], toks[k][2], head, vague=True, first=k)
    poss = {v: b for b, v in BARE_HEADS.items()}
    last = hit.name.rsplit(" ", 1)
    if len(last) == 2 and last[1] == hit.head and hit.head in poss and last[0].lower().endswith(
            _ADJ_ENDS):
        hit.name = f"{last[0]} {poss[hit.head]}"


def _next_head(toks: list[Token], i: int) -> int | None:
    """Index of the later head the tokens from ``i`` on carry the name on to."""
    if i >= len(toks) or toks[i][0] in (",", "және", "мен", "бен", "пен", "-", "–", "—"):
        return None
    for m in range(i, min(len(toks), i + 10)):
        tok = toks[m][0]
        if head_of(tok) is not None:
            return m
        if position_of(tok) is not None or tok.lower() in ATTACH:
            return None
        if tok in (".", "!", "?", ";", ":") or any(c.isdigit() for c in tok):
            return None
        if tok == "," and m > i and head_of(toks[m - 1][0]) is not None:
            return None
        if tok[:1].islower() and not _lowercase_ok(tok, toks[m + 1][0] if m + 1 < len(toks)
                                                   else "") and tok not in _LINKERS:
            return None
    return None


def _demo(sentence: str) -> tuple[str, list[Token]]:
    return sentence, tokenize(sentence)
