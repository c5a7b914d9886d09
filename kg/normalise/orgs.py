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
from kg.normalise.org_words import (
    _ADJ_ENDS,
    _BAD_ENDINGS,
    _CAP_BAD,
    _LINKERS,
    _MEDIA,
    _QUANT,
    _SENT_STARTERS,
    _STOP_WORDS,
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
    bare_head_of,
    credit_line,
    head_of,
    listed_domains,
    numbered_name,
    position_of,
)
from kg.normalise.places import _ABBREV, is_place_word

_PROJECT_WORDS = ("жоба", "бағдарлама", "акция", "байқау", "марафон")
#: capitalised words that open an official name at the start of a sentence
_PLACE_OPENERS = frozenset({"Қазақ", "Қазақстан", "Солтүстік", "Оңтүстік", "Батыс", "Шығыс",
                            "Орталық"})

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


def _lowercase_ok(tok: str, nxt: str) -> bool:
    low = tok.lower()
    if low in _STOP_WORDS or any(c.isdigit() for c in tok):
        return False
    if low.startswith(_DAYS) or low in _DAY_WORDS or _OUR.search(low):
        return False  # «сейсенбісі күні ауданымыздың орталық кітапханасы»: a date, «our»
    if low.endswith(("мен", "пен", "бен")) and len(low) > 4:
        return nxt.endswith(("у", "ю", "уды", "уді", "уын"))  # «жұмыспен қамту»
    if low.endswith(GENITIVE) and not low.startswith(("облыс", "қала", "аудан")):
        return False
    if nxt.lower() == "қарсы" and low.endswith(("ға", "ге", "қа", "ке")):
        return True  # «жемқорлыққа қарсы іс-қимыл агенттігі»
    if len(low) > 5 and low.endswith(("ты", "ті", "ды", "ді", "ны", "ні")) and bare_head_of(nxt):
        return False  # «толық ақпаратты қор филиалынан»: an object, then a bare noun
    if len(low) > 4 and low.endswith(("сын", "сін")) and nxt[:1].isupper():
        return False  # «Жұмыстардың сапасын Көлік министрлігі …»: an object, then the name
    if low in ("беретін", "көрсететін", "атындағы", "саласындағы"):
        return True  # «Абай атындағы жалпы білім беретін мектебі», «… көрсететін орталығы»,
        # «Халықты әлеуметтік қорғау саласындағы реттеу және бақылау комитеті»
    return not (low.endswith(_BAD_ENDINGS) and low not in _LINKERS)


def _official_locative(toks: list[Token], i: int) -> bool:
    """«Агроөнеркәсіптік кешендегі …»: a locative adjective after a capitalised adjective
    (the opening of an official name), not «ауылдағы мектеп».

    >>> _official_locative(tokenize("Агроөнеркәсіптік кешендегі инспекция"), 1)
    True
    """
    prev = toks[i - 1][0] if i > 0 else ""
    return toks[i][0].endswith(("дағы", "дегі", "тағы", "тегі")) and prev[:1].isupper() \
        and prev.endswith(_ADJ_ENDS)


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
            if toks[h][0] in LEGAL_FORMS and i >= first and toks[i][0][:1].islower():
                break  # «мердігер «Сайрам Құрылыс Инвест» ЖШС»: the company's name starts at «
            continue
        hd = head_of(tok)
        prev_head = i > first and head_of(toks[i - 1][0]) is not None
        if tok in ("–", "—"):
            break  # «Мердігер – "…" ЖШС»: a dash is a copula, not part of the name
        if tok == "," and i > first and toks[i - 1][0][:1].islower() and toks[i + 1][0][:1].isupper():
            break  # «…талқылап, Парламент Мәжілісіне»: a capitalised name starts after the comma
        if tok[:1].islower() and toks[i + 1][0] in BARE_TERRITORY and i + 2 == h:
            break  # «тұрғындар аудан әкімдігіне»: the unnamed district's akimat starts the name
        if tok == "," and i > first and (toks[i - 1][0].lower() in _BODY_NOUNS
                                         or bare_head_of(toks[i - 1][0]) is not None):
            break  # «прокуратура, сот, еңбек инспекциясы және …»: a list of bodies
        if tok == "," and listed_domains(toks, i, h):
            i, lower_run = i - 1, lower_run - 4  # «… шаруашылығы, жолаушылар көлігі және
            continue  # автомобиль жолдары бөлімі»: one name, longer than most
        if tok in (",", "және", "мен", "бен", "пен") and (
                prev_head or i == first or toks[i + 1][0].lower() in _TERRITORIAL
                or toks[i - 1][0].lower().startswith(_LIST_ITEMS)):
            break  # «…, бастауыш партия ұйымдары және «Жастар Рухы» жастар қанаты»: a list
        if hd is not None:
            branch = hd in LEGAL_FORMS and (head_of(toks[h][0]) in COMPANY_UNIT_HEADS
                                            or i == h - 1 and toks[h][0] in LEGAL_FORMS)
            if not branch and (hd in LEGAL_FORMS or tok.lower() != hd
                               and not tok.lower().endswith(GENITIVE)):
                break  # «ЖШС облыстық … қоғамы»: two bodies side by side (but «… АҚ … филиалы»)
            j = i
            lower_run = 0
        elif tok in _ABBREV or tok in ("ҚР", "РФ", "ТМД", "БҰҰ", "ЕАЭО") or _MEDIA.match(tok):
            j = i
        elif tok[:1].isupper():
            if tok in _SENT_STARTERS and i > 0 and toks[i - 1][0] in (":", "–", "—"):
                break  # «Тілші: Былтыр Атырау облысы …»: a sentence starts after the colon
            if tok.endswith(_CAP_BAD) and not (is_place_word(tok) and (
                    toks[i + 1][0].lower().startswith(("облыс", "қала", "аудан"))
                    or i + 1 == h and head_of(toks[h][0]) in _INSTITUTIONS)) \
                    and toks[i + 1][0].lower() != "атындағы":  # «Қорқыт Ата атындағы …»
                break  # «Шымкентте …» ends the name, «Қызылорда облысының …» does not
            if i == first and not (is_place_word(tok) or tok.isupper() or tok in _PLACE_OPENERS
                                   or tok.lower() in GENERIC):
                # a sentence-initial capital: part of the name unless it is a sentence word
                nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
                from kg.normalise.people import COMMON_CAPS
                if (tok in _SENT_STARTERS or tok.lower() in _QUANT or nxt in ("«", '"', "“")
                        or tok in COMMON_CAPS and nxt[:1].isupper()
                        or tok.lower().endswith(("ды", "ді", "ты", "ті", "ны", "ні"))
                        or not _lowercase_ok(tok, nxt)):
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
            if not (_lowercase_ok(tok, nxt) or _official_locative(toks, i)) or lower_run >= 6:
                break
            if i > first and any(c.isdigit() for c in toks[i - 1][0]) and toks[i + 1][0] in (
                    "«", '"', "“"):
                break  # «280 орындық "Айгөлек" …»: a measure, not part of the name
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
    if toks[h][0][:1].isupper() and head[:1].islower():
        head = head[:1].upper() + head[1:]  # «Парламенті Мәжілісінің» → «… Мәжілісі»
    name = re.sub(r"\s+", " ", prefix + head).strip()
    # «облыстық партия филиалы»: the party is already named → «облыстық филиалы»
    return re.sub(r"\b(облыстық|қалалық|аудандық|өңірлік) партия (филиал)", r"\1 \2", name)


def _inner_head(toks: list[Token], j: int, h: int) -> int | None:
    """The nearest head inside ``toks[j:h]`` that names a parent body."""
    branch = head_of(toks[h][0]) in COMPANY_UNIT_HEADS
    quoted: set[int] = set()  # «"… сақтандыру қоры" КЕАҚ»: a head inside quotes is the name's
    opened = None
    for m in range(j, h):
        if toks[m][0] in ("«", "“"):
            opened = m
        elif toks[m][0] in ("»", "”") and opened is not None:
            quoted.update(range(opened + 1, m))
            opened = None
    for k in range(h - 1, j, -1):
        if k in quoted or head_of(toks[k][0]) is None or toks[k][0] in LEGAL_FORMS and not branch:
            continue
        if head_of(toks[k + 1][0]) is not None and head_of(toks[k][0]) not in TOP_HEADS:
            continue  # compound head: «инспекциясы комитеті» (not «партиясы фракциясы»)
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
    for h, (tok, s, e) in enumerate(toks):
        numbered = numbered_name(toks, h)
        if numbered is not None:  # «№45 мектептің» → «№45 мектеп»
            hits.append(OrgHit(numbered, s, toks[h + 2][2], numbered.split()[-1], first=h))
            covered_until = h + 2
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
        if head == "орталығы" and h > 0 and toks[h - 1][0] in BARE_TERRITORY:
            continue  # «облыс орталығында», «қала орталығымен»: a place, the centre of a town
        if head == "үйі" and h > 0 and toks[h - 1][0].lower() == "тұрғын":
            continue  # «тұрғын үйін»: housing, not a house of culture
        nxt = toks[h + 1][0] if h + 1 < n else ""
        low = tok.lower()
        later = _next_head(toks, h + 1) if bare is None else None
        # an inner head continues into a longer name: «партиясы … филиалы»,
        # but an akimat or a party after a nominative head is a body of its own
        if tok in LEGAL_FORMS and nxt in LEGAL_FORMS:
            continue  # «"Жезқазған Су Арнасы" ШЖҚ МКК»: the last legal form ends the name
        if later is not None and tok in LEGAL_FORMS and head_of(toks[later][0]) in COMPANY_UNIT_HEADS:
            continue  # «"ҚазАвтоЖол" ҰК" АҚ Батыс Қазақстан облыстық филиалы»: one name
        if later is not None and (low.endswith(GENITIVE) or low == head and head_of(
                toks[later][0]) not in TOP_HEADS and toks[later][0] not in LEGAL_FORMS):
            continue
        if nxt == "»" and h + 2 < n and toks[h + 2][0].lower().startswith(_PROJECT_WORDS):
            continue  # «"Аналар мектебі" жобасы»: a project's name, not a body
        if nxt == "»" and any(t == "«" for t, _, _ in toks[max(0, h - 10):h]):
            k = max(m for m in range(max(0, h - 10), h) if toks[m][0] == "«")
            e = h + 1
            while e + 1 < n and toks[e + 1][0] in LEGAL_FORMS:
                e += 1  # «"… онкологиялық орталығы" ШЖҚ МКК»: the legal form ends the name
            unit = _next_head(toks, e + 1) if e > h + 1 else None
            if unit is not None and unit - e <= 6 and head_of(toks[unit][0]) in COMPANY_UNIT_HEADS:
                continue  # «"… қоры" КЕАҚ Жамбыл облыстық филиалы»: the branch's head names it
            hit = OrgHit(text[toks[k][1]: toks[e][2]], toks[k][1], toks[e][2], head, first=k)
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
            hits.append(OrgHit(f"{text[parent.start:parent.end]} {toks[j - 1][0]} қоғамдық кеңес",
                               toks[j][1], e, "кеңесі", parent=parent, first=j))
            covered_until = h
            continue
        if bare is not None and (hit.vague or not _bare_named(toks, hit.first, h)):
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
        hits.append(hit)
        covered_until = h
    return hits


#: bare nouns for bodies: a comma after one separates bodies, not a department's domains
_BODY_NOUNS = frozenset({"сот", "прокуратура", "полиция", "әкімдік", "мәслихат", "банк"})
#: heads a city's name (in «-да»: «Қызылорда») may stand right before: «Қызылорда университеті»
_INSTITUTIONS = frozenset({"университеті", "колледжі", "институты", "академиясы", "театры",
                           "мұражайы", "ауруханасы"})
_OPEN_QUOTES = ("«", '"', "“")
_CLOSE_QUOTES = ("»", '"', "”")
#: «X қызметі» is a body only after these («қызметі» is otherwise «work, activity»)
_SERVICE_KINDS = frozenset({"коммуникациялар", "диспетчерлік"})
#: day words before a name: weekday stems (any case) and whole words («кеше», not «кешені»)
_DAYS = ("күні", "күнгі", "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұмада", "сенбі",
         "жексенбі")
_DAY_WORDS = frozenset({"кеше", "кешегі", "бүгін", "бүгінгі", "ертең", "ертеңгі"})
_OUR = re.compile(r"(?:ымыз|іміз|мыз|міз)(?:дың|дің|тың|тің|ның|нің|да|де|ға|ге|ды|ді)?$")
#: people or bodies in the plural before «және» or a comma: another item of a list
_LIST_ITEMS = ("депутаттар", "ұйымдар", "мүшелер", "өкілдер", "қызметкерлер", "басшылар",
               "ардагерлер", "тұрғындар", "белсенділер", "студенттер", "оқушылар")
_PLACE_BEFORE = frozenset({"ауданының", "облысының", "қаласының", "ауылының", "ауданы", "облысы",
                           "қаласы", "ауылы", "облыстық", "қалалық", "аудандық"})
_BREAKS = frozenset({"–", "—", ":", ";", ".", "!", "?"})


def _model_start(toks: list[Token], h: int, stop: set[int], first: int,
                 model_spans: dict[int, int], j: int) -> int:
    """The first token of the NER span that ends on head ``toks[h]``, else ``j``.

    >>> toks = tokenize("Бүгін саяси кеңес бюросы өтті")
    >>> _model_start(toks, 3, set(), 0, {toks[3][2]: toks[1][1]}, 0)
    1
    """
    start = model_spans.get(toks[h][2])
    if start is None:
        return j
    k = next((m for m in range(first, h + 1) if toks[m][1] == start), None)
    if k is None or any(m in stop for m in range(k, h)):
        return j
    if k < j and any(toks[m][0] in _BREAKS for m in range(k, j)):
        return j  # «ҚазАқпарат – Облыс әкімдігі»: a dash or colon ends what comes before
    if k > j and toks[k][0] in LEGAL_FORMS:
        return j  # «"Жезқазған Су Арнасы" ШЖҚ МКК»: a legal form does not start a name
    if k == j - 1 and toks[k][0].lower().endswith(GENITIVE) and bare_head_of(toks[k][0]):
        return j  # «Қордың Шымкент қалалық филиалы»: the fund named before, not a new name
    if k > j and toks[k - 1][0].lower() in _PLACE_BEFORE:
        return j  # «Аягөз ауданының тұрғын үй-коммуналдық шаруашылығы бөлімі»: the place is in it
    if k > j and any(head_of(toks[m][0]) is not None for m in range(j, k)):
        return j  # «Көлік министрлігі Автомобиль жолдары комитеті»: the rules' span holds its parent
    if k > first and toks[k - 1][0] in _OPEN_QUOTES and any(
            toks[m][0] in _CLOSE_QUOTES for m in range(k, h)):
        k -= 1  # «"Jas Otan" жастар қанаты»: the name starts at its quote mark
    return k


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
                                                   else "") and tok not in _LINKERS \
                and not _official_locative(toks, m):
            return None
    return None


def _demo(sentence: str) -> tuple[str, list[Token]]:
    return sentence, tokenize(sentence)
