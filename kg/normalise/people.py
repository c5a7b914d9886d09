"""People's names: given-name lexicon, surname morphology, canonical names and keys.

A person's canonical name is «Given Surname» in the nominative, patronymic
dropped («Қасым-Жомарт Кемелұлы Тоқаев» → «Қасым-Жомарт Тоқаев»); the key is
the slug of that name, so the same person gets the same key in every article.

Given names are recognised from a lexicon (KazNERD persons plus common Kazakh
and Russian names) and, for unknown names, by shape: a capitalised word that is
not a common word, place, month or position and that is not case-marked.

>>> person_key("Қасым-Жомарт", "Тоқаевтың")
'qasym-jomart-toqaev'
>>> surname_lemma("Басированың"), surname_lemma("Жақсығалиұлына")
('Басирова', 'Жақсығалиұлы')
>>> is_given_name("Бердібек"), is_given_name("Желтоқсан"), is_given_name("Кеше")
(True, False, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.normalise.morph import CASE_ENDINGS, looks_like_surname, strip_name, strip_with
from kg.normalise.places import is_place_word
from kg.normalise.translit import slug

GIVEN_NAMES: frozenset[str] = frozenset("""
Ілияс Абай Абдалла Абдул Абдулла Абишевич Агрис Ажар Азамат Азат Айару Айбар Айбек Айбын
Айгерім Айгүл Айдана Айдар Айдарбек Айдос Айжан Айман Айнагүл Айнұр Айсұлу Айтмұхамед Айтмұхаммед
Айымгүл Айымжан Акшара Александр Александра Алексей Алибек Алла Алма Алмас Алпамыс Алтай
Алтынай Алуа Алёна Амангелді Амандық Аманжол Амантай Анар Анастасия Анатолий Ангела Андрей
Анна Анри Антон Антониу Анхель Арай Арайлым Ардақ Ариана Арман Арнұр Артур Артём Аружан Арун
Аршын Арыстанбек Асан Аслан Асхат Асылан Асылбек Асқар Ахмад Ахмет Ахметжан Ашраф Аяз Аян
Аят Ақбиле Ақбота Ақбөпе Ақерке Ақжарқын Ақмарал Ақнұр Ақсәуле Ақтоты Ақылбек Базарбай
Базаркелді Баймұхамбет Балжан Балсана Барбара Батырбек Батырхан Бауыржан Бахтияр Баян Бағдат
Бақат Бақберген Бақтыбай Бақыт Бақытбек Бақытжан Бейбіт Бейсен Бейқұт Бекарыс Бекболат Бекен
Бекжан Бекзат Бекнұр Бексұлтан Берден Бердібек Берік Бибігүл Болат Болатбек Болотбек Бота
Ботагөз Брижит Біржан Бірлік Вадим Василий Вели Вера Виктор Виктория Владимир Владислав
Вольф Вячеслав Гаухар Гауһар Геннадий Глеб Гүлбану Гүлбаршын Гүлден Гүлжан Гүлмайра Гүлмира
Гүлназ Гүлнар Гүлнара Гүлнұр Гүлсара Гүлсім Гүлшара Гүлшат Дамир Дана Даниал Дания Данияр
Дариға Даррен Дархан Дастан Денис Джонатан Диана Диас Дидар Дильназ Диляра Димаш Дина Динара
Дмитрий Дональд Досжан Достық Досым Дулат Ділдаш Дәлел Дәния Дәрмен Дәулет Дәурен Дәуренбек
Евгений Едіге Еділ Елена Елжан Ерасыл Ербол Ерболан Ерболат Ерден Ерденбек Ердәулет Ержан
Ержігіт Ерзат Еркават Ерке Ерлан Ермахан Ермек Ерназар Ерсін Ерік Ерғазы Ерғали Ерқанат
Есбол Есенғали Есет Есімбол Жазира Жайдар Жамал Жан-Клод Жанар Жанаргүл Жанат Жанболат
Жанбота Жандарбек Жандос Жанель Жанна Жансая Жансейіт Жарас Жарасхан Жасын Жасқайрат Жасұлан
Жақсылық Жаңылсын Жеңіс Жомарт Жібек Жүсіпбек Жұбан Жұбаныш Жұлдыз Жұмабек Жәмила Жәнібек
Заид Зайда Зарида Зарина Зейнеп Зейін Зульфия Зухра Зәуре Иван Игорь Илья Индира Ирина
Исатай Ислам Камал Камалбек Камалжан Камила Канат Кемел Кен Кенже Кенжебек Кирилл Климент
Күлайхан Күлпаш Күләш Күмісай Күмісхан Кәмила Лаура Лейла Лидия Лоренцо Людмила Ляна Ләззат
Ләйлім Ләйлә Мадина Майк Майраш Майя Макар Максим Мансұр Маралтай Марат Маргарита Маржан
Марина Мария Марк Марта Махамбет Мағауия Мағжан Мағира Мақпал Мақсат Мақсұт Медет Мейрам
Мейрамбек Мейірбек Мейіргүл Мейірхан Мерей Меруерт Мигель Мирас Мирлан Мирослав Михаил Мун
Мухаммед Мэтью Мұзафар Мұрат Мұратбек Мұхамбет Мұхаммед Мұхит Мұхтар Мәди Мәншүк Мәулен
Мөлдір Надежда Назерке Намазалы Нармұхан Нартай Насыр Наталья Наурызбай Нағима Никол Николай
Новак Нұралы Нұрасыл Нұрбек Нұрболат Нұргелді Нұргүл Нұрділдә Нұрдәулет Нұржамал Нұржан
Нұрлан Нұрлыбек Нұрмахан Нұрсұлтан Нұрсұлу Нұртас Нұртөре Нұрхат Нұрым Нұрғали Нұрқанат
Олжас Оливье Ольга Оралхан Перизат Пётр Радик Райхан Рамазан Рауан Рауль Раушан Рафаэль
Рахат Рахым Рақымжан Режеп Ренат Реувен Риат Ризагүл Ринат Рита Роза Роман Руслан Рүстем
Рүстембек Сабина Сабыр Саида Сайдулла Сайлау Сайран Салтанат Самал Самат Сандуғаш Санжар
Сапар Сара Сардор Сая Саят Сағындық Светлана Сергей Сержан Серік Серікбай Серікжан Смағұл
Советхан Сооронбай Сума Сымбат Сянь Сұлтан Сұлтанбек Сәбит Сәдібек Сәкен Сәния Сәрсенбай
Сәрсенғазы Сәуле Таблида Тайып Талғат Тамила Татьяна Таңшолпан Тедрос Темірлан Темірхан
Тереза Тимур Толғанай Толқынай Томирис Тоғжан Тоғызбай Тілек Тілләгүл Түгел Тұрар Тұрсын
Тәубәхан Төлеген Төлеуғали Төрехан Төреғали Уильям Уәлихан Фарида Фульвио Халида Хасан Хасен
Чжан Чжэ Чон Шавкат Шалқар Шахмарал Шахрат Шерхан Шолпан Шынар Шырын Шыңғыс Шәкен Шәрбат
Эдуард Эльвира Эльдар Эльмира Эмманюэль Энтони Юлия Юрий Ягуб Яцек Ғабдолла Ғабит Ғалия
Ғалым Ғалымжан Ғани Қажытай Қайрат Қайсар Қайырбек Қалдыбек Қалижан Қамалжан Қамбар Қамқа
Қанат Қаныш Қаракат Қаржаубай Қарлығаш Қасым Қасым-Жомарт Қатауолла Қожа Қорқыт Қуаныш Қуат
Қыдырбек Қымбат Қырымбек Құралай Құрмантай Үміт Үнзила Ұлан Ұлжан Ұлпан Әбдіжаппар Әбділәзиз
Әбдірахман Әбу Әбілқайыр Әбіш Әділ Әділет Әділхан Әзілхан Әйбек Әйгерім Әли Әлима Әлихан
Әлия Әлхайдар Әлібек Әлімжан Әлішер Әмір Әміржан Әнжыр Әнуар Әнуарбек Әрсен Әсел Әсем Әсет
Өмірбек Өмірзақ Өркен
Лариса Оксана Нина Галина Валентина Олег Павел Екатерина Валерий Тамара Зинаида Раиса Людмила
Ольга Наталья Наталия Елена Ирина Марина Вера Надежда Лидия Антонина Василий Геннадий Пётр Петр
Станислав Вячеслав Константин Григорий Борис Леонид Валентин Аркадий Степан Фёдор Федор Яков
""".split())

MONTHS = frozenset("Қаңтар Ақпан Наурыз Сәуір Мамыр Маусым Шілде Тамыз Қыркүйек Қазан Қараша "
                   "Желтоқсан".split())
#: capitalised words that start sentences or name titles/bodies, never given names
COMMON_CAPS = frozenset("""
Бүгін Кеше Кейін Биыл Былтыр Ертең Қазір Қазірде Сондай-ақ Сонымен Алайда Бірақ Және Осы Бұл Ол Оның
Олар Сол Жиын Жиында Кездесу Отырыс Іс-шара Шара Жоба Облыс Қала Аудан Ауыл Өңір Елімізде Ел
Қазақстан Республика Республикасы Мемлекет Жалпы Айта Атап Мәселен Мысалы Нәтижесінде Президент
Премьер-министр Министр Вице-министр Әкім Депутат Төраға Төрағасы Хатшы Хатшысы Директор Басшы
Басшысы Елбасы Үкімет Сенатор Профессор Академик Доцент Судья Прокурор Генерал Полковник Майор
Сенат Мәжіліс Парламент Партия Кеңес Комитет Министрлік Әкімдік Департамент Басқарма Аға Апа
Мырза Ханым Мектеп Университет Орталық Қор Қоғам Жаңа Ұлы Тұңғыш Бас Негізгі Барлық Әр Біз
Сіз Мен Сен Менің Біздің Сіздің Оларға Сондықтан Себебі Өйткені Егер Дегенмен Тағы Енді
Сондай Мұндай Осындай Солай Ақ Ауа Жер Су Қоғамдық Облыстық Қалалық Аудандық Ұлттық Халықаралық
Мемлекеттік Республикалық Өңірлік Жергілікті Әлеуметтік Саяси Экономикалық Қаржы Білім Ғылым
Денсаулық Еңбек Мәдениет Спорт Туризм Ішкі Сыртқы Солтүстік Оңтүстік Батыс Шығыс Орталық Жалпы
Отандық Азаматтар Тұрғындар Қатысушылар Мамандар Жастар Балалар Ардагерлер Дүйсенбі Сейсенбі
Сәрсенбі Бейсенбі Жұма Сенбі Жексенбі Құрметті Қымбатты Иә Жоқ Рахмет Сурет Фото Видео Дереккөз
Ақпарат Хабарлама Жаңалық Жаңалықтар Бөлісу Тіркелу Кіру Іздеу Басты Аймақтар Қоғам Саясат
Экономика Тарих Таным Өнер Мемлекеттік Бағдарлама Жолдау Жолдауы Заң Кодекс Конституция
""".split()) | MONTHS

_CYR_NAME = re.compile(r"^[А-ЯӘҒҚҢӨҰҮІЁ][а-яәғқңөұүһіё]+(?:-[А-ЯӘҒҚҢӨҰҮІ][а-яәғқңөұүһіё]+)?$")
_PATRONYMIC = re.compile(r"(?:ұлы|қызы|ович|евич|овна|евна|ична)$")
_INFLECTED_ENDS = tuple(e for e in CASE_ENDINGS if len(e) >= 2)


def is_given_name(word: str) -> bool:
    """A nominative given name: lexicon, or a plausible unknown capitalised word."""
    if word in GIVEN_NAMES:
        return True
    if not _CYR_NAME.match(word) or len(word) < 3 or word in COMMON_CAPS:
        return False
    if looks_like_surname(word) or is_place_word(word):
        return False
    low = word.lower()
    if low.endswith(_INFLECTED_ENDS) or low.endswith(("лар", "лер", "дар", "дер", "тар", "тер")):
        return False
    return not low.endswith(("сы", "сі", "ғы", "гі", "лық", "лік", "дық", "дік", "тық", "тік"))


def given_lemma(word: str) -> str | None:
    """Nominative of a possibly inflected given name, or None.

    >>> given_lemma("Мұратқа"), given_lemma("Бердібек"), given_lemma("Жиында")
    ('Мұрат', 'Бердібек', None)
    """
    if is_given_name(word):
        return word
    stem = strip_with(word, lambda s: s in GIVEN_NAMES)
    return stem if stem in GIVEN_NAMES else None


def surname_lemma(word: str) -> str | None:
    """Nominative of a surname or patronymic in any case form, or None.

    All-caps surnames («ОМАР», «САПАРБАЕВҚА») are returned title-cased.

    >>> surname_lemma("Асановқа"), surname_lemma("Алматы"), surname_lemma("ОМАР")
    ('Асанов', None, 'Омар')
    """
    w = word
    if word.isupper() and len(word) >= 3 and word.isalpha():
        w = word[:1] + word[1:].lower()
        if not _CYR_NAME.match(w):
            return None
        stem = strip_name(w)
        return stem if looks_like_surname(stem) else w
    if not _CYR_NAME.match(w):
        return None
    stem = strip_name(w)
    return stem if looks_like_surname(stem) else None


def is_patronymic(word: str) -> bool:
    """Whether ``word`` (nominative) is a patronymic.

    >>> is_patronymic("Жақсығалиұлы"), is_patronymic("Сапарбаев")
    (True, False)
    """
    return bool(_PATRONYMIC.search(word)) and len(word) > 5


def canonical_name(given: str, surname: str) -> str:
    """«Given Surname».

    >>> canonical_name("Мұрат", "Қыдырбеков")
    'Мұрат Қыдырбеков'
    """
    return f"{given} {surname}".strip()


def person_key(given: str, surname: str) -> str:
    """Cross-article key: slug of the nominative given name and surname."""
    sur = surname_lemma(surname) or surname
    return slug(canonical_name(given, sur))


@dataclass(frozen=True)
class NameHit:
    """One person-name mention found by the rules.

    ``given`` is None for surname-only mentions; ``initial`` holds the given
    name's initial(s) for «Б.Сапарбаев»; ``first`` and ``last`` are token indices.
    """

    surname: str
    given: str | None
    start: int
    end: int
    first: int
    last: int
    initial: str | None = None

    @property
    def full(self) -> bool:
        return self.given is not None


_INITIALS = re.compile(r"^((?:[А-ЯӘҒҚҢӨҰҮІ]\.-?){1,2})([А-ЯӘҒҚҢӨҰҮІ][а-яәғқңөұүһі]+)$")
_INIT_TOKEN = re.compile(r"^[А-ЯӘҒҚҢӨҰҮІ]$")
#: words after a name that make it the name of a place or an institution
_NAMED_AFTER = frozenset({"атындағы", "университеті", "ауданы", "ауданының", "ауданында",
                          "ауданындағы", "ауданына", "ауданынан", "ауданын",
                          "қаласы", "көшесі", "даңғылы", "мектебі", "ауылы"})
#: after a bare surname only: «Панфилов аудандық жұмыспен қамту орталығы» (a district's
#: adjective), but «Арман Сәрсенов қалалық әкімдікте» is a person
_PLACE_ADJ_AFTER = frozenset({"аудандық", "облыстық", "қалалық", "ауылдық"})


def _surname_word(word: str) -> str | None:
    """The surname a capitalised word can be, or None.

    >>> _surname_word("Сапарбаевқа"), _surname_word("Женевадағы")
    ('Сапарбаев', None)
    """
    if word in GIVEN_NAMES or word in COMMON_CAPS or word.isupper():
        return None
    if word.endswith(("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі")):
        return None  # «БҰҰ-ның Женевадағы бөлімі»: a place's locative adjective, not a name
    lemma = surname_lemma(word)
    if lemma is None or is_place_word(lemma) or lemma in COMMON_CAPS:
        return None
    return lemma


_SURNAME_SHAPE = re.compile(r"(?:ов|ев|ова|ева|ұлы|қызы|ович|евич|овна|евна)$")


def given_with_patronymic(toks: list[tuple[str, int, int]]) -> set[str]:
    """Given names that the text introduces with a patronymic («Мәдина Ерланқызы»).

    Such a word is a given name in this article even when its shape looks like a
    surname (-ина, -ова …).

    >>> from kg.normalise.morph import tokenize
    >>> sorted(given_with_patronymic(tokenize("– Гүлшара Асанқызы, айтыңызшы. Сәуле Маратқызына")))
    ['Гүлшара']
    """
    w = [t for t, _, _ in toks]
    out: set[str] = set()
    for a, b in zip(w, w[1:], strict=False):
        if not _CYR_NAME.match(a) or a in COMMON_CAPS or is_place_word(a) or _SURNAME_SHAPE.search(a):
            continue
        if is_patronymic(b) and surname_lemma(b) == b and (is_given_name(a) or looks_like_surname(a)):
            out.add(a)
    return out


_is_given = is_given_name


def _given_shaped_surname(word: str) -> str | None:
    """A surname shaped like a given name («Әбдірахман», «Сейітқали»), after glued
    initials: its nominative, where the lexicon knows the stem.

    >>> _given_shaped_surname("Әбдірахманның"), _given_shaped_surname("Алматыда")
    ('Әбдірахман', None)
    """
    stem = given_lemma(word)
    return stem if stem in GIVEN_NAMES else None


def _short_surname(word: str) -> str | None:
    """A surname not shaped like one («Ким», «Цой», «Ли», «Пак»), in any case form, after
    glued initials: its stem, where it is 2–4 letters.

    >>> _short_surname("Кимге"), _short_surname("Ли"), _short_surname("Алматыда")
    ('Ким', 'Ли', None)
    """
    if not word.isalpha():
        return None
    for end in _SHORT_CASES:
        if word.endswith(end) and len(word) - len(end) >= 2:
            word = word[: -len(end)]
            break
    return word if 2 <= len(word) <= 4 else None


#: case endings after a short consonant-final surname («Кимге», «Цойдың», «Пакпен»)
_SHORT_CASES = tuple(sorted("""ға ге қа ке ның нің дың дің тың тің ны ні ды ді ты ті мен
бен пен да де та те нан нен дан ден тан тен""".split(), key=len, reverse=True))


def find_names(toks: list[tuple[str, int, int]],
               extra_given: frozenset[str] | set[str] = frozenset()) -> list[NameHit]:
    """Person-name mentions among tokens, by shape and morphology.

    >>> from kg.normalise.morph import tokenize
    >>> hits = find_names(tokenize("Облыс әкімі Бердібек Сапарбаевқа Б.Сапарбаев"))
    >>> [(h.given, h.surname, h.initial) for h in hits]
    [('Бердібек', 'Сапарбаев', None), (None, 'Сапарбаев', 'Б')]
    >>> [(h.given, h.surname) for h in find_names(tokenize("Қыдырбеков Мұрат Жақсығалиұлының өтініші"))]
    [('Мұрат', 'Қыдырбеков')]
    >>> [(h.given, h.surname) for h in find_names(tokenize("Суреттерді түсірген – Ерлан ОМАР, «ЕQ»"))]
    [('Ерлан', 'Омар')]
    >>> [(h.given, h.surname) for h in find_names(tokenize("Сәуле Асанова келді"), {"Сәуле"})]
    [('Сәуле', 'Асанова')]
    """
    def _surname_tok(word: str) -> str | None:
        return None if word in extra_given else _surname_word(word)

    def is_given_name(word: str) -> bool:
        return word in extra_given or _is_given(word)

    hits: list[NameHit] = []
    n = len(toks)
    w = [t for t, _, _ in toks]
    i = 0
    while i < n:
        tok = w[i]
        nxt = w[i + 1] if i + 1 < n else ""
        nxt2 = w[i + 2] if i + 2 < n else ""
        after = w[i + 3] if i + 3 < n else ""
        m = _INITIALS.match(tok)
        # «Р.Ким»: initials glued to a capitalised word are a name, surname-shaped or not
        sur = (_surname_tok(m.group(2)) or _short_surname(m.group(2))
               or _given_shaped_surname(m.group(2))) if m else None
        if m and sur:
            hits.append(NameHit(sur, None, toks[i][1], toks[i][2],
                                i, i, m.group(1).replace(".", "").replace("-", "")))
            i += 1
            continue
        if _INIT_TOKEN.match(tok) and nxt == "." and i + 2 < n:
            j = i + 2
            inits = tok
            if w[j] in ("-",) and j + 2 < n and _INIT_TOKEN.match(w[j + 1]) and w[j + 2] == ".":
                inits += w[j + 1]
                j += 3
            elif _INIT_TOKEN.match(w[j]) and j + 1 < n and w[j + 1] == ".":
                inits += w[j]
                j += 2
            sur = _surname_tok(w[j]) if j < n else None
            if sur:
                hits.append(NameHit(sur, None, toks[i][1], toks[j][2], i, j, inits))
                i = j + 1
                continue
        # given [patronymic] surname
        if is_given_name(tok):
            p_lemma = _surname_tok(nxt) if nxt else None
            if p_lemma and is_patronymic(p_lemma) and _surname_tok(nxt2) and nxt == p_lemma:
                hits.append(NameHit(_surname_tok(nxt2) or "", tok, toks[i][1], toks[i + 2][2],
                                    i, i + 2))
                i += 3
                continue
            if p_lemma and is_patronymic(p_lemma) and not nxt2[:1].isupper() \
                    and nxt2.lower() not in _NAMED_AFTER:
                # «Бекзат Нұрланұлы»: the patronymic used as the surname
                hits.append(NameHit(p_lemma, tok, toks[i][1], toks[i + 1][2], i, i + 1))
                i += 2
                continue
            if p_lemma and not is_patronymic(p_lemma) and nxt2.lower() not in _NAMED_AFTER:
                hits.append(NameHit(p_lemma, tok, toks[i][1], toks[i + 1][2], i, i + 1))
                i += 2
                continue
            if nxt.isupper() and len(nxt) >= 3 and nxt.isalpha() and not is_place_word(nxt) \
                    and nxt not in ("ЖШС", "ЖАҚ", "КЕАҚ", "АҚШ", "ҚР", "БҰҰ"):
                sur = surname_lemma(nxt)
                if sur:
                    hits.append(NameHit(sur, tok, toks[i][1], toks[i + 1][2], i, i + 1))
                    i += 2
                    continue
        # surname given [patronymic]
        sur = _surname_tok(tok)
        if sur and sur == tok and not is_patronymic(sur) and nxt:
            g = given_lemma(nxt) if nxt in GIVEN_NAMES or nxt2 else None
            p2 = _surname_tok(nxt2) if nxt2 else None
            if g and p2 and is_patronymic(p2):
                hits.append(NameHit(sur, g, toks[i][1], toks[i + 2][2], i, i + 2))
                i += 3
                continue
            g2 = given_lemma(nxt)
            if g2 and g2 in GIVEN_NAMES and not _surname_tok(nxt2 or "x") and \
                    after != "." and not (nxt2[:1].isupper() and nxt2 not in COMMON_CAPS):
                hits.append(NameHit(sur, g2, toks[i][1], toks[i + 1][2], i, i + 1))
                i += 2
                continue
        if sur and not is_patronymic(sur) and nxt.lower() not in _NAMED_AFTER \
                and nxt.lower() not in _PLACE_ADJ_AFTER:
            hits.append(NameHit(sur, None, toks[i][1], toks[i][2], i, i))
        i += 1
    return hits
