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

from kg.normalise.morph import GENITIVE, possessive_nominative, tokenize
from kg.normalise.org_bounds import (
    _BODY_NOUNS,
    _extend_left,
    _model_start,
    _next_head,
    opening_quote,
    primary_cell,
)
from kg.normalise.org_words import (
    _ADJ_ENDS,
    _LINKERS,
    _MEDIA,
    _QUANT,
    _TERRITORIAL,
    ATTACH,
    BARE_HEADS,
    BARE_TERRITORY,
    BRANCH_HEADS,
    COMPANY_UNIT_HEADS,
    GENERIC,
    HEADS,
    LEGAL_FORMS,
    SUBUNIT_HEADS,
    TOP_HEADS,
    Token,
    akim_office,
    bare_head_of,
    credit_line,
    head_of,
    numbered_name,
    position_of,  # noqa: F401  (re-exported: kg.normalise.orgs is the front)
)
from kg.normalise.places import _ABBREV

_PROJECT_WORDS = ("жоба", "бағдарлама", "акция", "байқау", "марафон")

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
               and bare_head_of(w) is None and w not in "«»\"“”")




def _name(text: str, toks: list[Token], j: int, h: int, head: str) -> str:
    prefix = text[toks[j][1]: toks[h][1]] if j < h else ""
    if toks[h][0][:1].isupper() and head[:1].islower():
        head = head[:1].upper() + head[1:]  # «Парламенті Мәжілісінің» → «… Мәжілісі»
    name = re.sub(r"\s+", " ", prefix + head).strip()
    # «облыстық партия филиалы»: the party is already named → «облыстық филиалы»
    return re.sub(r"\b(облыстық|қалалық|аудандық|өңірлік) партия (филиал)", r"\1 \2", name)


def _inner_head(toks: list[Token], j: int, h: int) -> int | None:
    """The nearest head inside ``toks[j:h]`` that names a parent body."""
    branch = head_of(toks[h][0]) in COMPANY_UNIT_HEADS or primary_cell(toks, h)
    quoted: set[int] = set()  # «"… сақтандыру қоры" КЕАҚ»: a head inside quotes is the name's
    opened: list[int] = []  # nested: ««… үкімет» мемлекеттік корпорациясы» КЕАҚ»
    for m in range(j, h):
        if toks[m][0] in ("«", "“"):
            opened.append(m)
        elif toks[m][0] in ("»", "”") and opened:
            quoted.update(range(opened.pop() + 1, m))
    for k in range(h - 1, j, -1):
        if k in quoted or head_of(toks[k][0]) is None or toks[k][0] in LEGAL_FORMS and not branch:
            continue
        if head_of(toks[k + 1][0]) is not None and head_of(toks[k][0]) not in TOP_HEADS:
            continue  # compound head: «инспекциясы комитеті» (not «партиясы фракциясы»)
        return k
    return None


def _territorial_division(toks: list[Token], k: int, h: int) -> bool:
    """«…басқармасының Мақтаарал ауданы бойынша білім бөлімі», «…филиалының Әйтеке би
    аудандық бөлімі»: a unit for a territory,
    named through its parent (as «…комитетінің Жамбыл облысы бойынша департаменті»), not an
    internal unit.

    >>> t = tokenize("облыстық білім басқармасының Мақтаарал ауданы бойынша білім бөлімі")
    >>> _territorial_division(t, 2, 7), _territorial_division(tokenize("басқармасының қаржы бөлімі"), 0, 2)
    (True, False)
    >>> _territorial_division(tokenize("филиалының Әйтеке би аудандық бөлімі"), 0, 4)
    True
    """
    return any(toks[m][0].lower() == "бойынша" and toks[m - 1][0].lower() in (
        "ауданы", "қаласы", "облысы") or toks[m][0].lower() in ("аудандық", "қалалық")
        and any(toks[x][0][:1].isupper() for x in range(k + 1, m)) for m in range(k + 2, h))


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
            # a branch, or a wing's territorial council («"Жас Аманат" жастар қанаты Абай
            # облыстық кеңесі»), is named with its parent
            regional = inner == "қанаты" and any(
                toks[m][0].lower() in _TERRITORIAL for m in range(k + 1, h))
            first = parent.first if head in BRANCH_HEADS or regional else k + 1
        elif head in SUBUNIT_HEADS and parent.head != "әкімдігі" and not _territorial_division(
                toks, k, h):
            first = k + 1
        else:
            first = parent.first
    while first < h and toks[first][0].lower() in _LINKERS:
        first += 1
    name = _name(text, toks, first, h, head)
    if parent is not None and head == "филиалы" and parent.head == "филиалы" and \
            toks[k][0].lower() != "филиалы" and parent.parent is not None:
        # «"AMANAT" партиясы Жамбыл облыстық филиалының Қордай аудандық филиалы»: the district
        # branch is named with the party, under the oblast branch
        name = f"{parent.parent.name} {_name(text, toks, k + 1, h, head)}"
    hit = OrgHit(name, toks[first][1], toks[h][2], head, first=first)
    words = [t for t, _, _ in toks[first:h]]
    quoted = any(t in ("«", '"', "“") for t in words)
    anchor = quoted or any(t[:1].isupper() for t in words) or head in LEGAL_FORMS or any(
        t.lower() in _TERRITORIAL for t in words)
    content = _content(words)
    strong = HEADS.get(BARE_HEADS.get(head, head), True)
    hit.vague = content == 0 or not anchor and (content < (1 if strong else 2))
    hit.parent = parent
    return hit


def find_orgs(text: str, toks: list[Token], stop: set[int] | None = None,
              model_spans: dict[int, int] | None = None) -> list[OrgHit]:
    """Organisation mentions among one sentence's tokens (outermost heads only).

    ``stop`` holds indices of tokens that belong to people's names. ``model_spans`` maps the
    end offset of each NER ORGANISATION span to its start: where one ends on a head the rules
    found, the model says where the name starts (issue 11: its spans are the authority on
    boundaries, the rules on what the name is — head, case, parents).

    >>> s = "Филиал жанындағы Экология мәселелері жөніндегі қоғамдық кеңестің мүшесі"
    >>> [(h.name, h.parent.name) for h in find_orgs(*_demo(s))]
    [('Экология мәселелері жөніндегі қоғамдық кеңес', 'Филиал')]
    """
    stop = stop or set()
    hits: list[OrgHit] = []
    covered_until = -1
    n = len(toks)
    depth = 0  # «…» open before token h: «"Шиелі №5 мектеп-гимназиясы" КММ» is one name
    for h, (tok, s, e) in enumerate(toks):
        depth += (tok == "«") - (tok == "»" and depth > 0)
        numbered = numbered_name(toks, h) if depth == 0 else None
        if numbered is not None:  # «№45 мектептің» → «№45 мектеп»
            hits.append(OrgHit(numbered, s, toks[h + 2][2], numbered.split()[-1], first=h))
            covered_until = h + 2
            continue
        office = akim_office(toks, h)
        if office is not None and office > covered_until:  # «Төле би ауылдық округі әкімінің аппараты»
            name = " ".join(t for t, _, _ in toks[office:h]) + " аппараты"
            if office > 0 and toks[office - 1][0] in ("«", '"') and h + 2 < n and toks[h + 1][0] \
                    in ("»", '"') and toks[h + 2][0] in LEGAL_FORMS and tok == "аппараты":
                # «"Бастөбе ауылдық округі әкімінің аппараты" ММ»: the registered name
                s0, e0 = toks[office - 1][1], toks[h + 2][2]
                hits.append(OrgHit(text[s0:e0], s0, e0, toks[h + 2][0], first=office - 1))
                covered_until = h + 2
                continue
            hits.append(OrgHit(name, toks[office][1], e, "аппараты", first=office))
            covered_until = h
            continue
        if _MEDIA.match(tok):
            hits.append(OrgHit(tok, s, e, tok, first=h))
            continue
        if tok == "«" and credit_line(toks, h, stop):
            r = next(m for m in range(h + 1, n) if toks[m][0] == "»")
            hits.append(OrgHit(text[s:toks[r][2]], s, toks[r][2], "»", first=h))
            continue
        if h in stop:
            continue
        head = head_of(tok)
        if head is None and h > 0 and toks[h - 1][0].lower() in _SERVICE_KINDS and \
                possessive_nominative(tok.lower()) == "қызметі":
            head = "қызметі"  # «Өңірлік коммуникациялар қызметінде»: a service is a body here
        service = head == "қызметі"
        bare = None
        if head is None:
            bare = bare_head_of(tok)
            if bare is None or h == 0 or not _bare_ok(toks, h):
                continue
            head = BARE_HEADS[bare]
        if head == "мәслихаты" and h > 0 and toks[h - 1][0].lower() == "баспасөз":
            continue  # «баспасөз мәслихаты»: a press conference
        if head == "кеңесі" and h > 0 and toks[h - 1][0].lower() in ("заң", "тегін", "құқықтық"):
            continue  # «тегін заң кеңесі берілді»: legal advice, not a council
        if head == "орталығы" and h > 0 and toks[h - 1][0] in BARE_TERRITORY:
            continue  # «облыс орталығында», «қала орталығымен»: a place, the centre of a town
        if head == "үйі" and h > 0 and toks[h - 1][0].lower() == "тұрғын":
            continue  # «тұрғын үйін»: housing, not a house of culture
        nxt = toks[h + 1][0] if h + 1 < n else ""
        low = tok.lower()
        later = _next_head(toks, h + 1) if bare is None else None
        # an inner head continues into a longer name: «партиясы … филиалы»,
        # but an akimat or a party after a nominative head is a body of its own
        if tok in LEGAL_FORMS and nxt.split("-")[0] in LEGAL_FORMS:
            continue  # «"Жезқазған Су Арнасы" ШЖҚ МКК(-да)»: the last legal form ends the name
        if later is not None and tok in LEGAL_FORMS and (
                head_of(toks[later][0]) in COMPANY_UNIT_HEADS or primary_cell(toks, later)):
            continue  # «"ҚазАвтоЖол" ҰК" АҚ Батыс Қазақстан облыстық филиалы»: one name
        if later is not None and (low.endswith(GENITIVE) or low == head and head_of(
                toks[later][0]) not in TOP_HEADS and toks[later][0] not in LEGAL_FORMS):
            continue
        if nxt == "»" and h + 2 < n and toks[h + 2][0].lower().startswith(_PROJECT_WORDS):
            continue  # «"Аналар мектебі" жобасы»: a project's name, not a body
        if nxt == "»" and any(t == "«" for t, _, _ in toks[max(0, h - 10):h]):
            k = opening_quote(toks, h + 1, max(0, h - 10))
            k = max(m for m in range(max(0, h - 10), h) if toks[m][0] == "«") if k is None else k
            e = h + 1
            while e + 1 < n and toks[e + 1][0].split("-")[0] in LEGAL_FORMS:
                e += 1  # «"… онкологиялық орталығы" ШЖҚ МКК»: the legal form ends the name
                if toks[e][0] not in LEGAL_FORMS:
                    break  # «… ШЖҚ МКК-да»: a case ending on the last one
            unit = _next_head(toks, e + 1) if e > h + 1 else None
            if unit is not None and unit - e <= 6 and head_of(toks[unit][0]) in COMPANY_UNIT_HEADS:
                continue  # «"… қоры" КЕАҚ Жамбыл облыстық филиалы»: the branch's head names it
            end = toks[e][1] + len(toks[e][0].split("-")[0]) if e > h + 1 else toks[e][2]
            hit = OrgHit(text[toks[k][1]: end], toks[k][1], toks[e][2], head, first=k)
            if k >= 2 and toks[k - 1][0].lower() == "қарасты":  # «… басқармасына қарасты «…»»
                _attach(text, toks, hits, hit, k - 2, bare_name=False)
            hits.append(hit)
            covered_until = e
            continue
        j = _extend_left(toks, h, stop, max(0, covered_until + 1))
        if model_spans and bare is None:  # a bare head («бөлімі») stays the rules' call
            j = _model_start(toks, h, stop, max(0, covered_until + 1), model_spans, j)
        hit = _build(text, toks, j, h, bare or ("қызметі" if service else None))
        if bare is not None and hit.vague and _branch_council(toks, hits, j, h):
            # «"AMANAT" партиясы … филиалы жанындағы қоғамдық кеңестің»: the branch's council
            parent = hits[-1]
            hits.append(OrgHit(f"{parent.name} {toks[j - 1][0]} қоғамдық кеңес",
                               toks[j][1], e, "кеңесі", parent=parent, first=j))
            covered_until = h
            continue
        council = bare is not None and BARE_HEADS[bare] == "мәслихаты" and h - hit.first == 1 and \
            toks[h - 1][0].lower() in _TERRITORIAL  # «аудандық мәслихаттың»: the article's own
        if bare is not None and not council and (hit.vague or not _bare_named(toks, hit.first, h)):
            continue
        before = toks[j - 1][0] if j > 0 else ""
        bare_before = bare_head_of(before) if before.lower().endswith(GENITIVE) else None
        if hit.parent is None and bare_before is not None:  # «Министрліктің Егіншілік …»
            hit.parent = OrgHit(before, toks[j - 1][1], toks[j - 1][2], BARE_HEADS[bare_before],
                                vague=True, first=j - 1)
            hit.vague = hit.vague and _content([t for t, _, _ in toks[hit.first:h]]) == 0
        if before == "," and j > 1 and (toks[j - 2][0].lower() in _BODY_NOUNS or bare_head_of(
                toks[j - 2][0]) is not None) and not any(c.isupper() for c in hit.name):
            hit.vague = True  # «прокуратура, сот, еңбек инспекциясы өкілдері»: kinds of body
        clock = ":" in before or j > 1 and toks[j - 2][0] == ":"  # «сағат 11:00-де»
        if any(c.isdigit() for c in before) and not clock or before.lower() in _QUANT:
            hit.vague = True  # «5 арнаулы … орталығы»: a counted common noun
        if before.lower() in ATTACH and j >= 2:
            _attach(text, toks, hits, hit, j - 2)
        elif before.lower() == "қарасты" and j >= 2 and hit.parent is None:
            _attach(text, toks, hits, hit, j - 2, bare_name=False)  # «Департаментке қарасты …»
        hits.append(hit)
        covered_until = h
    return _subsidiaries(text, toks, hits)


#: «X-тың еншілес кәсіпорны "Y" ЖШС»: a subsidiary's descriptor, then its name
_SUBSIDIARY_HEADS = frozenset({"кәсіпорны", "компаниясы", "ұйымы", "серіктестігі"})


def _subsidiaries(text: str, toks: list[Token], hits: list[OrgHit]) -> list[OrgHit]:
    """«"Солтүстік Агро Холдинг" АҚ-ның еншілес кәсіпорны "Тайынша Астық" ЖШС»: the
    descriptor is no body; the named company is the subsidiary of the one before it (or of
    «Компанияның»: the article's one joint-stock company). A quoted body right after a
    company's genitive («"Алатау Сүт" ЖШС-ның «Ырыс» қайырымдылық қоры») is the company's.

    >>> t = "«Агро Холдинг» АҚ-ның еншілес кәсіпорны «Тайынша Астық» ЖШС грант берді"
    >>> [(h.name, h.parent and h.parent.name) for h in find_orgs(t, tokenize(t))]
    [('«Тайынша Астық» ЖШС', '«Агро Холдинг» АҚ')]
    """
    for h in range(1, len(toks) - 1):
        if toks[h - 1][0].lower() != "еншілес" or head_of(toks[h][0]) not in _SUBSIDIARY_HEADS \
                or toks[h + 1][0] not in ("«", '"', "“"):
            continue
        desc = next((x for x in hits if x.end == toks[h][2]), None)
        hits = [x for x in hits if x is not desc]
        named = next((x for x in hits if x.start == toks[h + 1][1]), None)
        if named is None or named.parent is not None or h < 2:
            continue
        owner = toks[h - 2]
        parent = desc.parent if desc is not None and not (desc.parent and desc.parent.vague) \
            else next((x for x in hits if x.end == owner[2]), None)
        if parent is None:
            parent = _genitive_company(text, toks, h - 2)  # «"Агро Холдинг" АҚ-ның»
        if parent is None and owner[0].lower().startswith("компания"):
            parent = OrgHit(owner[0], owner[1], owner[2], "ақ", vague=True, first=h - 2)
        named.parent = parent
    for h in range(1, len(toks) - 1):  # «"Алатау Сүт" ЖШС-ның «Ырыс» қайырымдылық қоры»
        owner = toks[h - 1]
        legal, _, case = owner[0].partition("-")
        body = legal not in LEGAL_FORMS and head_of(owner[0]) is not None and owner[0].endswith(
            GENITIVE)  # «… білім бөлімінің «Абай атындағы … мектеп-гимназиясы» КММ»
        if not (legal in LEGAL_FORMS and case.endswith(GENITIVE) or body) or toks[h][0] not in (
                "«", '"', "“"):
            continue
        named = next((x for x in hits if x.start == toks[h][1] and x.parent is None), None)
        company = next((x for x in hits if owner[1] < x.end <= owner[2]), None) or (
            _build(text, toks, _extend_left(toks, h - 1, set(), 0), h - 1) if body
            else _genitive_company(text, toks, h - 1))
        if named is not None and company is not None and named is not company:
            named.parent = company
    return hits


def _genitive_company(text: str, toks: list[Token], i: int) -> OrgHit | None:
    """The company «"X" АҚ-ның» whose legal form in the genitive is ``toks[i]``."""
    legal = toks[i][0].split("-")[0]
    if legal not in LEGAL_FORMS or i < 1 or toks[i - 1][0] not in ("»", '"', "”"):
        return None
    k = opening_quote(toks, i - 1, max(0, i - 13))
    if k is None:
        return None
    return OrgHit(f"{text[toks[k][1]:toks[i - 1][2]]} {legal}", toks[k][1], toks[i][2], legal,
                  first=k)


#: «X қызметі» is a body only after these («қызметі» is otherwise «work, activity»)
_SERVICE_KINDS = frozenset({"коммуникациялар", "диспетчерлік"})


def _bare_ok(toks: list[Token], h: int) -> bool:
    """A bare head names a body only after an adjective: «облыстық перинаталдық орталық»."""
    prev = toks[h - 1][0].lower()
    if h + 1 < len(toks) and head_of(toks[h + 1][0]) is not None:
        return False  # «облыстық партия филиалы»: a modifier of the next head
    return prev.endswith(_ADJ_ENDS) or prev == "жөніндегі"


def _bare_named(toks: list[Token], j: int, h: int) -> bool:
    """A territorial adjective, «жөніндегі» or a capital (not the sentence's first word)."""
    return any(toks[m][0].lower() in _TERRITORIAL or toks[m][0] == "жөніндегі"
               or m > 0 and toks[m][0][:1].isupper() for m in range(j, h))


def _branch_council(toks: list[Token], hits: list[OrgHit], j: int, h: int) -> bool:
    """«X жанындағы қоғамдық кеңес(тің)» right after a named body X (one council, not
    «кеңестердің»)."""
    return (j >= 2 and h == j + 1 and toks[j][0].lower() == "қоғамдық"
            and toks[h][0].lower().startswith("кеңес") and not toks[h][0].lower().startswith(
                "кеңестер") and toks[j - 1][0].lower() in ATTACH and bool(hits)
            and hits[-1].end == toks[j - 2][2] and not hits[-1].vague)


def _attach(text: str, toks: list[Token], hits: list[OrgHit], hit: OrgHit, k: int,
            bare_name: bool = True) -> None:
    """«X жанындағы Y»: X (token ``k`` ends it) is Y's parent; Y's head goes bare (not in
    «Департаментке қарасты Қызылорда қалалық … басқармасы», ``bare_name=False``)."""
    if hits and hits[-1].end == toks[k][2]:
        hit.parent = hits[-1]
    else:
        bare = bare_head_of(toks[k][0])
        head = head_of(toks[k][0]) or (BARE_HEADS[bare] if bare else None)
        if head is None:
            return
        hit.parent = OrgHit(toks[k][0], toks[k][1], toks[k][2], head, vague=True, first=k)
    if not bare_name:
        return
    poss = {v: b for b, v in BARE_HEADS.items()}
    last = hit.name.rsplit(" ", 1)
    if len(last) == 2 and last[1] == hit.head and hit.head in poss and last[0].lower().endswith(
            _ADJ_ENDS):
        hit.name = f"{last[0]} {poss[hit.head]}"


def _demo(sentence: str) -> tuple[str, list[Token]]:
    return sentence, tokenize(sentence)
