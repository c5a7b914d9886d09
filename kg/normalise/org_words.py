"""Organisation vocabulary: head nouns, legal forms, linkers, position nouns.

Split from :mod:`kg.normalise.orgs` (which uses these to find names).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from kg.normalise.morph import POSSESSIVE_CASE

#: a token: (text, start, end)
Token = tuple[str, int, int]

#: head word (possessive nominative) → strong (names a body on its own) or weak
HEADS: dict[str, bool] = {
    **{h: True for h in (
        "партиясы", "филиалы", "әкімдігі", "министрлігі", "комитеті", "департаменті",
        "басқармасы", "агенттігі", "инспекциясы", "прокуратурасы", "мәслихаты",
        "университеті", "колледжі", "институты", "академиясы", "ауруханасы", "емханасы",
        "палатасы", "қауымдастығы", "ассоциациясы", "федерациясы", "ассамблеясы",
        "корпорациясы", "холдингі", "серіктестігі", "кәсіпорны", "гимназиясы",
        "лицейі", "аппараты", "өкілдігі", "редакциясы", "телеарнасы", "газеті", "журналы",
        "фракциясы", "филармониясы", "театры", "музейі", "кітапханасы", "балабақшасы",
        "комиссиясы", "бюросы", "соты", "мәжілісі", "сенаты", "бөбекжай-бақшасы",
    )},
    **{h: False for h in (
        "бөлімі", "кеңесі", "қоры", "қоғамы", "орталығы", "мектебі", "одағы", "мекемесі",
        "ұйымы", "бірлестігі", "банкі", "штабы", "клубы", "кеңсесі", "қорығы", "қанаты",
        "үйі", "қожалығы", "кооперативі", "бөбекжайы", "агрофирмасы",
        "компаниясы",  # «құрылыс компаниясына орналасты»: a kind of firm, not a name
    )},
}
LEGAL_FORMS = frozenset({"ЖШС", "АҚ", "ЖАҚ", "ҚҚ", "КЕАҚ", "РМК", "ШЖҚ", "МКК", "МКҚК", "КММ", "КМҚК",
                         "РМҚК", "ҚБ", "ЖК", "ӨК", "ТОО", "АО", "ММ", "КМК"})
#: modifiers that never make a name specific on their own
GENERIC = frozenset("""облыс облысы облыстық қала қаласы қалалық аудан ауданы аудандық ауыл ауылы
ауылдық өңір өңірлік жергілікті республикалық мемлекеттік қоғамдық ұлттық бұл осы сол аталған
тиісті барлық әр жаңа бірқатар және мен бен пен , бойынша жөніндегі жанындағы партия ең ірі""".split())
_LINKERS = frozenset({"бойынша", "жөніндегі", "жанындағы", "қарасындағы", "және", "мен", "бен",
                      "пен", ",", "-", "–"})
_STOP_WORDS = frozenset("""үшін туралы арқылы кейін бірге сияқты секілді дейін бері сайын
сондай-ақ сонымен қатар да де та те ғана тек әрі немесе не яғни оның олардың біздің өкілдері
қатысуымен қатысты деп деді дейді айтты өтті мәлімдеді хабарлады баяндады жеткізді тоқталды
берді болды қарасты қарайтын бағынысты келесі жылы""".split())
_BAD_ENDINGS = ("ға", "ге", "қа", "ке", "да", "де", "та", "те", "дан", "ден", "тан", "тен",
                "нан", "нен", "ған", "ген", "қан", "кен", "атын", "етін", "йтын", "йтін",
                "ып", "іп", "дағы", "дегі", "тағы", "тегі", "ады", "еді", "йды", "йді", "ады",
                "ынша", "інше", "ына", "іне")  # «мәліметінше, Ауыл шаруашылығы министрлігі»
_CAP_BAD = ("ға", "ге", "қа", "ке", "да", "де", "та", "те", "дағы", "дегі", "тағы", "тегі",
            "ынша", "інше")
_REGION_WORDS = frozenset({"Қазақстан", "Солтүстік", "Оңтүстік", "Батыс", "Шығыс", "Орталық"})
#: position nouns (3rd-person possessive), as they follow an organisation's name
POSITION_WORDS = frozenset("""әкімі басшысы төрағасы төрайымы хатшысы орынбасары директоры
меңгерушісі жетекшісі министрі вице-министрі депутаты президенті бастығы маманы қызметкері
өкілі мүшесі сарапшысы кеңесшісі көмекшісі инспекторы дәрігері мұғалімі оқытушысы ректоры
проректоры деканы бас маман спикері сенаторы төрағалығы үйлестірушісі координаторы
бас директоры атқарушы тілшісі редакторы прокуроры судьясы командирі аппарат бастығы
меңгерушісінің инженері бухгалтері заңгері экономисі психологы тәрбиешісі
жаттықтырушысы архитекторы иесі еріктісі педиатры терапевті хирургы медбикесі мейірбикесі""".split())


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
BRANCH_HEADS = frozenset({"филиалы", "бөлімшесі", "өкілдігі", "фракциясы"})
#: units named with their company before them: «"Маңғыстаумұнайгаз" АҚ персоналды басқару департаменті»
COMPANY_UNIT_HEADS = BRANCH_HEADS | {"департаменті"}
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
    "мәслихат": "мәслихаты", "кооператив": "кооперативі",
}
_BARE_CASES = frozenset("""ның нің дың дің тың тің ға ге қа ке на не да де та те нда нде дан ден
тан тен нан нен ды ді ты ті ны ні н мен бен пен дағы дегі тағы тегі""".split())
_ADJ_ENDS = ("лық", "лік", "дық", "дік", "тық", "тік")
_TERRITORIAL = frozenset({"облыстық", "қалалық", "аудандық", "республикалық", "өңірлік",
                          "ауылдық", "халықаралық"})


@functools.lru_cache(maxsize=1 << 16)
def bare_head_of(word: str) -> str | None:
    """The bare nominative of a non-possessive head noun in any case form.

    >>> bare_head_of("орталықтың"), bare_head_of("Басқарма"), bare_head_of("кеңесі")
    ('орталық', 'басқарма', None)
    """
    return _bare_form(word, BARE_HEADS)


def _bare_form(word: str, nouns: Iterable[str]) -> str | None:
    """The one of ``nouns`` that ``word`` is, bare or with a case ending."""
    low = word.lower()
    return next((n for n in nouns if low == n or low.startswith(n) and low[len(n):] in _BARE_CASES),
                None)


#: institutions an article names once and then calls by their common noun («Мектептің
#: мұғалімі», «Қожалық басшысы», «Компанияның директоры»): the bare noun → the heads the
#: named institution may carry (as :func:`org_match_key` writes them), most likely first
INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "мектеп": ("мектебі",), "колледж": ("колледжі",), "емхана": ("емханасы",),
    "балабақша": ("балабақшасы", "бөбекжай-бақшасы"), "университет": ("университеті",),
    "гимназия": ("гимназиясы",), "лицей": ("лицейі",), "аурухана": ("ауруханасы",),
    "қожалық": ("қожалығы",), "компания": ("компаниясы", "ақ", "жшс"),
    "кәсіпорын": ("кәсіпорны", "жшс", "ақ"), "серіктестік": ("серіктестігі", "жшс"),
    "газет": ("газеті",), "телеарна": ("телеарнасы",),  # «газет тілшісі Name»
}


def institution_noun(word: str) -> str | None:
    """The bare institution noun a word is, in any case form (its heads: ``INSTITUTIONS``).

    >>> institution_noun("Мектептің"), institution_noun("Қожалық"), institution_noun("мектепке")
    ('мектеп', 'қожалық', 'мектеп')
    >>> INSTITUTIONS[institution_noun("Компанияның")], institution_noun("басқарма")
    (('компаниясы', 'ақ', 'жшс'), None)
    """
    return _bare_form(word, INSTITUTIONS)


#: capitalised sentence openers that never begin an organisation's name
_SENT_STARTERS = frozenset("""Бүгін Кеше Кейін Биыл Былтыр Ертең Қазір Қазірде Сондай-ақ Сонымен
Алайда Бірақ Және Осы Бұл Ол Оның Олар Сол Жиын Жиында Кездесу Отырыс Іс-шара Шара Жоба Елімізде
Жалпы Айта Атап Мәселен Мысалы Нәтижесінде Сондықтан Себебі Өйткені Егер Дегенмен Тағы Енді
Сондай Мұндай Осындай Солай Біз Сіз Мен Сен Менің Біздің Сіздің Барлық Әр Жаңа Өткен Ағымдағы
Жыл Жылы Биылғы Былтырғы Қазан Қараша Желтоқсан Қаңтар Ақпан Наурыз Сәуір Мамыр Маусым Шілде
Тамыз Қыркүйек Мұнда Онда Сонда Ал Тіпті Әрине Сонда-ақ Сол Себепті Демек Яғни Елбасы Президент
Президенті Премьер-министр Министр Вице-министр Әкім Депутат Төраға Төрағасы Хатшы Директор Басшы
Басшысы Сенатор Профессор Академик Судья Прокурор Мемлекет Үкімет Аға Апа Мырза Ханым Азаматтар
Тұрғындар Қатысушылар Мамандар Балалар Ардагерлер Біз Сіз""".split())
_QUANT = frozenset("бір екі үш төрт бес алты жеті сегіз тоғыз он барлық бірнеше көптеген әрбір".split())
_MEDIA = re.compile(r"^[A-Za-z][A-Za-z0-9-]*\.(?:kz|KZ|com|ru|org|info|net)$")


@functools.lru_cache(maxsize=1 << 16)
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
    stem, dash, last = low.rpartition("-")
    if dash and stem and last and not stem[-1].isdigit():  # «қорық-музейінің» → «қорық-музейі»
        inner = head_of(last)
        if inner is not None and inner not in LEGAL_FORMS:
            return f"{stem}-{inner}"
    return None


#: institutions named by a number: «№45 мектеп», «№3 емхана»
_NUMBERED = {"мектеб": "мектеп", "мектеп": "мектеп", "гимназия": "гимназия", "лицей": "лицей",
             "балабақша": "балабақша", "емхана": "емхана", "аурухана": "аурухана",
             "колледж": "колледж"}


def numbered_name(toks: list[Token], h: int) -> str | None:
    """«№ 45 мектептің» at ``h``: the name «№45 мектеп», else None."""
    if toks[h][0] != "№" or h + 2 >= len(toks) or not toks[h + 1][0].isdigit():
        return None
    low = toks[h + 2][0].lower()
    noun = next((n for stem, n in _NUMBERED.items() if low.startswith(stem)), None)
    return f"№{toks[h + 1][0]} {noun}" if noun else None


#: lower-case words inside places' names: «Төле би», «Қабанбай батыр», «Қорқыт ата»
_NAME_TITLES = frozenset({"би", "батыр", "ата", "ана"})
#: «… әкімінің аппараты»: the territory words an akim's office is named through
_OFFICE_TERRITORY = frozenset({"ауданы", "қаласы", "облысы", "округі", "ауылы", "кенті"})


def akim_office(toks: list[Token], h: int) -> int | None:
    """«Төле би ауылдық округі әкімінің аппаратын» with its head at ``h``: the index of
    the name's first token (the place's name), else None. Without a named place («аудан
    әкімінің аппараты») the office is left to the vague bare heads.

    >>> from kg.normalise.morph import tokenize
    >>> t = tokenize("Төле би ауылдық округі әкімінің аппаратын аралады")
    >>> akim_office(t, 5), akim_office(tokenize("аудан әкімінің аппараты"), 2)
    (0, None)
    >>> akim_office(tokenize("Бүгін Сарыөзек кенті әкімі аппаратының басшысы"), 4)
    1
    """
    if h < 3 or head_of(toks[h][0]) != "аппараты" or \
            toks[h - 1][0].lower() not in ("әкімінің", "әкімі"):
        return None
    k = h - 2
    if toks[k][0].lower() not in _OFFICE_TERRITORY:
        return None
    if toks[k][0].lower() == "округі" and k > 0 and toks[k - 1][0].lower() in ("ауылдық", "кенттік"):
        k -= 1
    j = k
    while j - 1 >= 0 and k - j < 3 and toks[j - 1][0].isalpha() and (
            toks[j - 1][0][:1].isupper() or toks[j - 1][0] in _NAME_TITLES) and \
            toks[j - 1][0] not in _SENT_STARTERS:
        j -= 1
    while j < k and not toks[j][0][:1].isupper():  # the name starts with a capital
        j += 1
    return j if j < k else None


def credit_line(toks: list[Token], q: int, stop: set[int]) -> bool:
    """A credit line «Суретті түсірген – Name, «Outlet»»: the quoted outlet ends the line.

    >>> s = "Суреттерді түсірген – Ерлан Омар, «Жас Алаш»"
    >>> from kg.normalise.morph import tokenize
    >>> t = tokenize(s)
    >>> credit_line(t, 6, {3, 4})
    True
    """
    r = next((m for m in range(q + 1, min(len(toks), q + 5)) if toks[m][0] == "»"), None)
    if r is None or r == q + 1 or q < 2 or toks[q - 1][0] != "," or q - 2 not in stop:
        return False
    return r + 1 == len(toks) or toks[r + 1][0] in (".", ";")


#: a territorial noun standing alone, lowercase («аудан әкімдігі», «облыс орталығы»)
BARE_TERRITORY = frozenset({"аудан", "облыс", "қала", "ауыл"})


def listed_domains(toks: list[Token], i: int, h: int) -> bool:
    """The comma at ``toks[i]`` separates domains of one department's name: a lowercase
    possessive before it, and only lowercase words with a «және» between it and the head.

    >>> from kg.normalise.morph import tokenize
    >>> t = tokenize("Сайрам ауданы тұрғын үй-коммуналдық шаруашылығы, жолаушылар көлігі "
    ...              "және автомобиль жолдары бөлімі")
    >>> listed_domains(t, 5, 11)
    True
    """
    before = toks[i - 1][0] if i > 0 else ""
    words = [t for t, _, _ in toks[i + 1:h]]
    return (before[:1].islower() and before.endswith(("ы", "і")) and "және" in words
            and 2 <= len(words) <= 7 and all(w[:1].islower() for w in words))

#: a head of state in the nominative acts on the name after it: «Қазақстан Президенті Ішкі
#: істер министрлігінің …», «Елбасы Халықаралық олимпиада комитетінің …» (but «Президенті
#: жанындағы Мемлекеттік басқару академиясы» is one name)
STATE_HEADS = frozenset({"елбасы", "президенті"})


def state_head_acts(word: str, nxt: str) -> bool:
    """Whether ``word`` is a head of state acting on the name after it (not «Президенті
    жанындағы …», which is part of a name).

    >>> state_head_acts("Президенті", "Ішкі"), state_head_acts("Президенті", "жанындағы")
    (True, False)
    """
    return word.lower() in STATE_HEADS and nxt.lower() != "жанындағы"
