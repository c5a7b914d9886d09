"""Where an organisation name starts: the left extension from its head, and its boundaries.

Split from :mod:`kg.normalise.orgs` (which finds the names): :func:`_extend_left` walks
left from a head over the words that name the body, :func:`_model_start` takes the NER
span's start where one ends on the head, and :func:`_next_head` finds the later head an
inner head's name carries on to.
"""

from __future__ import annotations

import re

from kg.normalise.morph import GENITIVE, tokenize  # noqa: F401  (tokenize: the doctests)
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
    BARE_TERRITORY,
    COMPANY_UNIT_HEADS,
    GENERIC,
    LEGAL_FORMS,
    Token,
    bare_head_of,
    head_of,
    listed_domains,
    position_of,
    state_head_acts,
)
from kg.normalise.places import _ABBREV, is_place_word

#: capitalised words that open an official name at the start of a sentence
_PLACE_OPENERS = frozenset({"Қазақ", "Қазақстан", "Солтүстік", "Оңтүстік", "Батыс", "Шығыс",
                            "Орталық"})
#: bare nouns for bodies: a comma after one separates bodies, not a department's domains
_BODY_NOUNS = frozenset({"сот", "прокуратура", "полиция", "әкімдік", "мәслихат", "банк"})
#: heads a city's name (in «-да»: «Қызылорда») may stand right before: «Қызылорда университеті»
#: the heads of schools: an article's one university holds its faculties' posts
SCHOOL_HEADS = ("университеті", "академиясы", "институты", "колледжі")
_INSTITUTIONS = frozenset({*SCHOOL_HEADS, "театры", "мұражайы", "ауруханасы"})
_OPEN_QUOTES = ("«", '"', "“")
_CLOSE_QUOTES = ("»", '"', "”")
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


def opening_quote(toks: list[Token], close: int, lo: int) -> int | None:
    """Index of the quote mark that opens the one at ``close``, nested marks matched:
    ««Азаматтарға арналған үкімет» мемлекеттік корпорациясы»» opens at its first «.
    Where the marks do not balance («"ҚазМұнайГаз" ҰК" АҚ»), the nearest opening mark.

    >>> toks = tokenize("««Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ")
    >>> opening_quote(toks, 7, 0), opening_quote(toks, 4, 0)
    (0, 1)
    """
    depth, nearest = 0, None
    for m in range(close - 1, lo - 1, -1):
        t = toks[m][0]
        if t in ("»", "”"):
            depth += 1
        elif t in _OPEN_QUOTES:
            nearest = m if nearest is None else nearest
            if depth == 0:
                return m
            depth -= 1 if t != '"' else 0
    return nearest


def primary_cell(toks: list[Token], h: int) -> bool:
    """«… ЖШС бастауыш партия ұйымы»: a party's primary organisation at a company, named
    with the company."""
    return h >= 2 and head_of(toks[h][0]) == "ұйымы" and toks[h - 1][0].lower() == "партия" \
        and toks[h - 2][0].lower() == "бастауыш"


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


#: a post word without its possessive ends a name on the left: the person who holds it acts
_BARE_POSTS = frozenset({"министр", "вице-министр", "әкім", "депутат", "сенатор", "ректор"})


def _extend_left(toks: list[Token], h: int, stop: set[int], first: int) -> int:
    """Index of the first token of the name whose head is ``toks[h]``."""
    j = h
    lower_run = 0
    i = h - 1
    while i >= first:
        tok = toks[i][0]
        if i in stop or position_of(tok) is not None or tok.lower() in ATTACH \
                or tok.lower() in _BARE_POSTS:  # «вице-министр арнаулы … орталығын аралады»
            break
        if state_head_acts(tok, toks[i + 1][0]):
            break  # «Бүгін Елбасы Ұлттық қауіпсіздік комитетінің …»
        if tok == "»" or tok == '"' and i > first:
            k = opening_quote(toks, i, max(first, i - 12))
            if k is None:
                break
            j = i = k
            i -= 1
            if i >= first and toks[i][0].lower() in _TERRITORIAL:
                break  # «аудандық «Жаңа өмір» газеті»: the name is the quoted one
            if toks[h][0].split("-")[0] in LEGAL_FORMS and i >= first and toks[i][0][:1].islower():
                break  # «мердігер «Сайрам Құрылыс Инвест» ЖШС»: the company's name starts at «
            continue
        hd = head_of(tok)
        prev_head = i > first and head_of(toks[i - 1][0]) is not None
        if tok in ("–", "—"):
            break  # «Мердігер – "…" ЖШС»: a dash is a copula, not part of the name
        if tok == "," and i > first and toks[i - 1][0][:1].islower() and toks[i + 1][0][:1].isupper():
            break  # «…талқылап, Парламент Мәжілісіне»: a capitalised name starts after the comma
        if tok[:1].islower() and toks[i + 1][0] in BARE_TERRITORY and i + 2 <= h and \
                head_of(toks[i + 2][0]) is not None:
            break  # «тұрғындар аудан әкімдігіне», «Бұл бағытты аудан әкімдігінің … бөлімінің»:
            # the unnamed district's akimat starts the name
        if tok[:1].islower() and tok.isalpha() and tok.endswith(("ы", "і")) and not \
                tok.endswith(GENITIVE) and toks[i + 1][0].lower() in _TERRITORIAL and \
                position_of(tok) is None and head_of(tok) is None:
            break  # «Оның өтініші аудандық … комиссиясына»: a possessive noun, then the name
        if tok == "," and i > first and (toks[i - 1][0].lower() in _BODY_NOUNS
                                         or bare_head_of(toks[i - 1][0]) is not None):
            break  # «прокуратура, сот, еңбек инспекциясы және …»: a list of bodies
        if tok == "," and listed_domains(toks, i, h):
            i, lower_run = i - 1, lower_run - 4  # «… шаруашылығы, жолаушылар көлігі және
            continue  # автомобиль жолдары бөлімі»: one name, longer than most
        if tok == "," and i > first and toks[i + 1][0][:1].isupper():
            break  # «… Қайрат Мәмиді, Парламент Мәжілісі төрағасының»: a list of guests
        if tok in ("және", "мен") and i > first and toks[i + 1][0][:1].isupper() and toks[
                i - 1][0][:1].isupper() and head_of(toks[i - 1][0]) is None:
            break  # «… Андрей Беляев және Шығыс Қазақстан облысы білім басқармасының …»
        if tok in (",", "және", "мен", "бен", "пен") and (
                prev_head or i == first or toks[i + 1][0].lower() in _TERRITORIAL
                or toks[i + 1][0] in _OPEN_QUOTES  # «… Ковальчук және ««…» …» КЕАҚ …»
                or toks[i - 1][0].lower().startswith(_LIST_ITEMS)):
            break  # «…, бастауыш партия ұйымдары және «Жастар Рухы» жастар қанаты»: a list
        if hd is not None:
            # the head after the legal form: «… КЕАҚ Ақтөбе облысы бойынша филиалының
            # Әйтеке би аудандық бөлімі» is the company's branch's unit
            unit = next((m for m in range(i + 1, h) if head_of(toks[m][0]) is not None), h)
            branch = hd in LEGAL_FORMS and (head_of(toks[unit][0]) in COMPANY_UNIT_HEADS
                                            or i == h - 1 and toks[h][0] in LEGAL_FORMS
                                            or primary_cell(toks, unit))
            if not branch and (hd in LEGAL_FORMS or tok.lower() != hd
                               and not tok.lower().endswith(GENITIVE)):
                break  # «ЖШС облыстық … қоғамы»: two bodies side by side (but «… АҚ … филиалы»)
            if tok.lower() == hd and toks[i + 1][0] in ("ҚР", "Қазақстан", *_OPEN_QUOTES):
                break  # «… министрлігі ҚР Парламент Мәжілісінің», «… министрлігі «Камеда»
                # қоғамдық қоры алаңында»: a national or quoted name is a body of its own
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
                    and toks[i + 1][0].lower() not in ("атындағы", "би", "батыр"):
                # «Қорқыт Ата атындағы …», «Әйтеке би аудандық бөлімі»: a name, not a dative
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




#: case endings of a capitalised word the model may sweep into a name's start
_CASED = ("ға", "ге", "қа", "ке", "на", "не", "ды", "ді", "ты", "ті", "ны", "ні")


def opens_no_name(word: str) -> bool:
    """A capitalised dative or accusative word that is no place: «Кеңеске», «Жиынды» (a
    sentence's first word before a name the model swept it into).

    >>> opens_no_name("Кеңеске"), opens_no_name("Қарағанды"), opens_no_name("Президенті")
    (True, False, False)
    """
    return word[:1].isupper() and word.isalpha() and not word.isupper() and \
        not is_place_word(word) and word.lower().endswith(_CASED) and \
        position_of(word) is None and head_of(word) is None  # «Президенті», «Комитеті»


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
    if k < j and any(toks[m][0] in _BREAKS or state_head_acts(toks[m][0], toks[m + 1][0])
                     for m in range(k, j)):
        return j  # «ҚазАқпарат – Облыс әкімдігі»: a dash or colon ends what comes before;
        # so does a head of state who acts on the name («Қазақстан Президенті Ішкі істер …»)
    if k > j and toks[k][0] in LEGAL_FORMS:
        return j  # «"Жезқазған Су Арнасы" ШЖҚ МКК»: a legal form does not start a name
    if k < j and any(opens_no_name(toks[m][0]) or toks[m][0] in ("(", ")") for m in range(k, j)):
        return j  # «Кеңеске аудандық ауруханасының …»: a dative or accusative word opens no name
    if k == j - 1 and toks[k][0].lower().endswith(GENITIVE) and bare_head_of(toks[k][0]):
        return j  # «Қордың Шымкент қалалық филиалы»: the fund named before, not a new name
    if k > j and len(toks[k - 1][0]) > 4 and toks[k - 1][0].islower() and toks[k - 1][0].endswith(
            ("мен", "бен", "пен")):
        return j  # «аудандық жұмыспен қамту … бөлімі»: the model cut the name after «жұмыспен»
    if k > j and toks[k - 1][0].lower() == "бойынша" and toks[k - 2][0].lower().startswith(
            ("облысы", "қаласы", "ауданы")):
        return j  # «Қызылорда облысы бойынша Мемлекеттік кірістер департаменті»
    if k > j and toks[k - 1][0].lower() in _PLACE_BEFORE:
        return j  # «Аягөз ауданының тұрғын үй-коммуналдық шаруашылығы бөлімі»: the place is in it
    if k == j + 1 and toks[j][0] in BARE_TERRITORY and head_of(toks[k][0]) is not None:
        return j  # «аудан әкімдігінің … бөлімі»: the bare district names the akimat
    if k > j and any(head_of(toks[m][0]) is not None for m in range(j, k)):
        return j  # «Көлік министрлігі Автомобиль жолдары комитеті»: the rules' span holds its parent
    if k > first and toks[k - 1][0] in _OPEN_QUOTES and any(
            toks[m][0] in _CLOSE_QUOTES for m in range(k, h)):
        k -= 1  # «"Jas Otan" жастар қанаты»: the name starts at its quote mark
    return k


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


