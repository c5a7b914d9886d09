"""Units of Kazakh figures: a small suffix-stripping lemmatiser and lexicons.

A figure's unit is ``KZT``/``USD``/… for money, ``percent``, ``hectare``,
``person`` for nouns naming people, ``есе`` for multipliers, else the counted
noun's nominative lemma — measures included, abbreviations spelt out («тн» →
``тонна``, «км» → ``шақырым``, «м³» → ``текше метр``) — with
case, possessive and plural endings stripped («64 мекемеге» → ``мекеме``,
«95 құралы» → ``құрал``, «14 филиалдардағы» → ``филиал``).

>>> lemma("мекемеге"), lemma("құралы"), lemma("филиалдардағы"), lemma("орталығы")
('мекеме', 'құрал', 'филиал', 'орталық')
>>> unit_of("теңгеге"), unit_of("гектардан"), unit_of("азаматтың"), unit_of("нысан")
('KZT', 'hectare', 'person', 'нысан')
"""

from __future__ import annotations

import functools
import re

from kg.normalise.morph import ABLATIVE, DATIVE, GENITIVE, INSTRUMENTAL

__all__ = [
    "STOP_WORDS", "ADJECTIVES", "ADJ_ENDINGS", "VERB_ENDINGS",
    "lemma", "unit_of", "MEASURES", "PERSON", "is_time_word", "is_month", "is_age",
    "COMPOUNDS", "CAPACITY", "AEK",
]

#: the monthly calculation index, written out or as «АЕК»: one unit string for both
AEK = "айлық есептік көрсеткіш"

#: lemma → unit code for money and measures
MEASURES: dict[str, str] = {
    "теңге": "KZT", "тг": "KZT", "₸": "KZT", "доллар": "USD", "$": "USD", "рубль": "RUB",
    "евро": "EUR", "€": "EUR", "юань": "CNY", "пайыз": "percent", "процент": "percent",
    "%": "percent", "есе": "есе", "гектар": "hectare", "га": "hectare", "аек": AEK,
    # other measures: the spec's «counted noun's nominative lemma», abbreviations spelt out
    "тонна": "тонна", "тн": "тонна", "шақырым": "шақырым", "км": "шақырым",
    "километр": "шақырым", "метр": "метр", "м": "метр", "м²": "шаршы метр",
    "м2": "шаршы метр", "м³": "текше метр", "м3": "текше метр", "литр": "литр",
    "кг": "килограмм", "килограмм": "килограмм", "центнер": "центнер", "ц": "центнер",
    "мегаватт": "мегаватт", "мвт": "мегаватт", "киловатт": "киловатт", "квт": "киловатт",
    "гвт": "гигаватт", "гигаватт": "гигаватт", "км²": "шаршы шақырым", "км2": "шаршы шақырым",
}

#: two-word units and counted nouns: (first word, lemma of second) → unit
COMPOUNDS: dict[tuple[str, str], str] = {
    ("шаршы", "метр"): "шаршы метр", ("шаршы", "шақырым"): "шаршы шақырым",
    ("текше", "метр"): "текше метр", ("түтін", "датчик"): "түтін датчигі",
    ("жұмыс", "орын"): "жұмыс орны", ("оқу", "орын"): "оқу орны",
    ("елді", "мекен"): "елді мекен", ("тұрғын", "үй"): "тұрғын үй",
    ("ірі", "қара"): "ірі қара", ("ұсақ", "мал"): "ұсақ мал", ("білім", "ошақ"): "білім ошағы",
    ("шағын", "орталық"): "шағын орталық", ("балабақша", "орын"): "балабақша орны",
    ("ауыл", "округ"): "ауылдық округ", ("ауылдық", "округ"): "ауылдық округ",
    ("су", "қойма"): "су қоймасы", ("жүзу", "құрал"): "жүзу құралы",
    ("ұжымдық", "шарт"): "ұжымдық шарт",
}
ALIASES: dict[str, str] = {"елдімекен": "елді мекен", "ісшара": "іс-шара", "гектар": "гектар"}

#: nouns naming people → unit ``person``
PERSON: frozenset[str] = frozenset("""
адам азамат бала оқушы алушы тренер бапкер ардагер әйел ана әке тұрғын қарт жас қатысушы маман мұғалім ұстаз
дәрігер медбике студент зейнеткер жұмысшы қызметкер кәсіпкер ерікті волонтер түлек
жұмыссыз мүгедек науқас пациент сарбаз жауынгер спортшы жаттықтырушы депутат делегат мүше
өкіл қонақ көрермен тыңдаушы оқырман шәкірт тәрбиеленуші бүлдіршін сәби нәресте жасөспірім
ер қыз ұл жігіт келіншек кісі жан отандас қандас оралман мигрант шетелдік тұтынушы клиент
жолаушы жүргізуші полицей құтқарушы фермер шаруа диқан малшы ғалым ақын жазушы суретші әнші
әртіс тәрбиеші басшы әкім шенеунік қызметші сайлаушы үміткер жеңімпаз жүлдегер чемпион
магистрант докторант курсант турист меценат донор ата әже немере жетім ана-бала абитуриент
зейнеткер мигрант бизнесмен инвестор құрылысшы инженер мұнайшы кенші теміржолшы медик
тұлға азаматша оқытушы профессор ғалым хирург фельдшер ұшқыш әскери әскерилер заңгер
неонатолог акушер гинеколог акушер-гинеколог педиатр терапевт кардиолог онколог стоматолог
психолог логопед педагог мейірбике
психолог әлеуметтік-қызметкер қатысушылар жетекші мүше үйірмеші бітіруші қамқоршы ата-ана
тігінші аспаз мектеп-оқушы жасөспірім ұстаз кандидат сотталған күдікті қылмыскер құрбан
жараланған зардап-шеккен директор меңгеруші төраға бастық хатшы ие
""".split())

#: counted nouns (lemma form) the lemmatiser should stop at
KNOWN: frozenset[str] = frozenset("""
түтін бөлме
қиылыс
нысан жоба отбасы автокөлік көлік мәселе құрал мекеме филиал учаске топ хат іс-шара орталық
шара хабарлама кеңес мектеп балабақша аурухана емхана пәтер үй ғимарат орын көпір жол
кәсіпорын компания ұйым зауыт фабрика цех ферма шаруашылық кооператив серіктестік
келісімшарт шарт келісім меморандум құжат өтініш өтінім шағым ұсыныс ұсыным тапсырма
бағдарлама курс сабақ тренинг семинар кездесу жиын рейд тексеру бұзушылық айыппұл
қылмыс оқиға өрт апат жол-көлік кітап кітапхана мұражай театр клуб үйірме секция
стадион алаң саябақ аула спорт-алаң бассейн объекті объект пункт бекет станция вагон
автобус пойыз ұшақ трактор комбайн техника жабдық құрылғы компьютер ноутбук планшет
бейнекамера камера шам бағдаршам аялдама тұрғын-үй баспана грант несие кредит субсидия
квота жолдама сертификат диплом медаль жүлде марапат сыйлық пакет азық-түлік себет
мал сиыр жылқы қой ешкі түйе құс бас дән тұқым көшет ағаш гүл бидай арпа егін
вакцина доза тест дәрі төсек палата бригада экипаж отряд команда сынып топ-топ
ауыл аудан қала облыс округ ел мемлекет аймақ өңір мекен кент көше шағын-аудан
бірлік дана түр бағыт санат маусым кезең деңгей балл ұпай рет сағат-сайын тауар өнім
нұсқа жоба-жоспар жоспар бизнес-жоспар стартап сайт парақша мақала жарнама видео ролик
байқау конкурс жарыс турнир фестиваль көрме форум конференция акция марафон концерт
кітапша буклет парақ хаттама шешім заң кодекс норма талап актив кітап-құрал
қабат құбыр желі трансформатор подстанция скважина ұңғыма резервуар су-құбыр
бюджет қор қаржы сома табыс салық төлем жәрдемақы зейнетақы стипендия
зал жәшік бөлме шақыру қоңырау сұрақ жауап мәлімдеме арыз іс сот шешім хаттама
""".split()) | PERSON | frozenset(MEASURES) | frozenset({"жұмыс", "оқу", "елді"}) | frozenset(
    ALIASES.values())

#: nouns whose «N X-лық/-лы» adjective states the unit («300 орындық мектеп» → 300 орын)
CAPACITY: frozenset[str] = frozenset(
    "орын пәтер қабат төсек бал балл орындық".split()) | frozenset(MEASURES)

#: words that end the search for a counted noun; modifiers skipped on the way
STOP_WORDS = frozenset("""
және мен бен пен немесе не яғни ал бірақ да де та те ғана қана ғой бойынша арқылы үшін сайын
дейін кейін бұрын бері бастап қарай туралы жөнінде жайлы арасында ішінде оның олардың бұл осы
сол ол бар жоқ емес болды болып болса болған құрады құрайды жетті артты өсті азайды тең тиіс
қатысты тиесілі көлемінде мөлшерінде шамасында есебінен сомасына сомасы сомаға құрайтын
іске
""".split())
ADJECTIVES = frozenset("""
жаңа ірі шағын үлкен кіші жеке түрлі әр барлық арнайы арнаулы қосымша тұрақты уақытша заманауи
көпбалалы көпқабатты мүгедек жас аз жалғызбасты жалғыз жалғызілікті жалғыз-басты биылғы былтырғы қазіргі соңғы алғашқы негізгі бұрынғы кейінгі ішкі сыртқы
жоғарғы төменгі бүгінгі осындағы мұндағы ондағы
жергілікті мемлекеттік әлеуметтік ауылдық қалалық аудандық облыстық жеке-меншік жекеменшік
халықаралық республикалық шетелдік отандық қазақстандық ұлттық аса өте ең жаңадан тағы бос
тегін ақылы ауызша жазбаша онлайн қашықтан ескі орта дайын ашық жабық
""".split()) - PERSON
VERB_ENDINGS = ("ылды", "ілді", "лды", "лді", "нды", "нді", "йды", "йді", "ады", "еді", "уда",
             "уде", "ып", "іп", "ейді", "айды", "йтын", "йтін", "атын", "етін")
ADJ_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік", "лы", "лі", "сыз", "сіз", "ған", "ген",
            "қан", "кен", "атын", "етін", "йтын", "йтін")

_VOWEL_DROP = {"орн": "орын", "халқ": "халық", "ауз": "ауыз", "мұрн": "мұрын", "ерн": "ерін"}
_ALT = {"ғ": "қ", "г": "к", "б": "п"}
_VOWELS = set("аәеиоөұүыіэюяё")

_LOC_GY = ("ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі")
_CASE = (
    "менен", *GENITIVE, *ABLATIVE, "нда", "нде", *INSTRUMENTAL, *DATIVE, "лық", "лік", "дық", "дік",
    "тық", "тік", "ны", "ні", "ды", "ді", "ты", "ті", "да", "де", "та", "те", "на", "не", "н",
    "а", "е",
)
_POSS = ("лары", "лері", "дары", "дері", "тары", "тері", "сы", "сі", "ы", "і")
_PLUR = ("лар", "лер", "дар", "дер", "тар", "тер")


def _candidates(w: str) -> list[str]:
    """Every stem reachable by stripping case, possessive and plural endings."""
    out = [w]
    for layer in (_LOC_GY, _CASE, _POSS, _PLUR):
        new = []
        for c in out:
            for suf in layer:
                if c.endswith(suf) and len(c) - len(suf) >= 2:
                    stem = c[: -len(suf)]
                    if suf in ("лары", "лері", "дары", "дері", "тары", "тері"):
                        new.append(stem)
                        stem = stem + suf[:3]
                    new.append(stem)
                    if suf in ("тар", "тер") and stem.endswith("с"):
                        new.append(stem + "т")  # «туристер»: турист + -тер, one т written
                    if stem[-1] in _ALT:
                        new.append(stem[:-1] + _ALT[stem[-1]])
                    if stem in _VOWEL_DROP:
                        new.append(_VOWEL_DROP[stem])
        out += new
    return out


def _fallback(w: str) -> str:
    """Conservative greedy stripping for words not in the lexicons."""
    for suf in _LOC_GY:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    else:
        for suf in _CASE:
            if not w.endswith(suf) or len(w) - len(suf) < 3 or suf in ("а", "е"):
                continue
            prev = w[-len(suf) - 1]
            if suf in ("на", "не", "н") and prev not in "ыі":
                continue
            if suf in ("ны", "ні") and prev not in _VOWELS:
                continue
            if suf in ("лық", "лік", "дық", "дік", "тық", "тік"):
                continue
            w = w[: -len(suf)]
            break
    stripped = False
    for suf in _POSS:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            if suf in ("ы", "і") and w[-2] in _VOWELS:
                continue
            if suf in ("сы", "сі") and w[-3] not in _VOWELS:
                continue
            w = w[: -len(suf)] + (suf[:3] if len(suf) == 4 else "")
            stripped = True
            break
    for suf in _PLUR:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if stripped and w[-1] in _ALT:
        w = w[:-1] + _ALT[w[-1]]
    return _VOWEL_DROP.get(w, w)


@functools.lru_cache(maxsize=1 << 16)  # the lexicons are fixed: one word, one lemma
def lemma(word: str) -> str:
    """Nominative lemma of a noun form: «мәселелерге» → «мәселе».

    >>> lemma("учаскені"), lemma("хабарламаны"), lemma("орнына"), lemma("іс-шараға")
    ('учаске', 'хабарлама', 'орын', 'іс-шара')
    """
    w = word.lower().replace("ё", "е")
    if w in ALIASES:
        return ALIASES[w]
    if "-" in w:
        head, _, tail = w.rpartition("-")
        full = head + "-" + lemma(tail)
        return full
    known = [c for c in _candidates(w) if c in KNOWN]
    out = max(known, key=len) if known else _fallback(w)
    if out.endswith(("кті", "нті")) and len(out) > 5 and out not in KNOWN:
        out = out[:-1]  # a loan's linking vowel: «субъектілерінің» → «субъект»
    return out


def unit_of(word: str) -> str:
    """Unit code of a counted noun form (see module doc).

    >>> unit_of("ардагерге"), unit_of("автокөлік"), unit_of("пайызға"), unit_of("есе")
    ('person', 'автокөлік', 'percent', 'есе')
    >>> unit_of("демалушыны"), unit_of("бөлмеміз")
    ('person', 'бөлме')
    """
    lem = lemma(word)
    lem = {"бал": "балл"}.get(lem, lem)  # «балдан», «балға»: points (the loan keeps one л)
    if lem in MEASURES:
        return MEASURES[lem]
    last = lemma(word.rsplit("-", 1)[-1]) if "-" in word else ""
    if lem in PERSON or _AGENT_PERSON.fullmatch(word.lower()) or (
            last in PERSON and last not in ("ана", "бала")):  # «бизнес-тренерлер»
        return "person"  # «демалушыны», «тұтынушыларға»: an agent noun in -ушы is a person
    own = _FIRST_POSS.fullmatch(word.lower())
    if own and lemma(own.group(1)) in KNOWN:
        return unit_of(own.group(1))  # «бөлмеміз»: our rooms
    return lem


_AGENT_PERSON = re.compile(
    r"[^\W\d_]{2,}(?:ушы|уші|юшы|юші)(?:лар|лер)?(?:ды|ді|ны|ні|ға|ге|на|не|ның|нің|дың|дің"
    r"|да|де|дан|ден|нан|нен|мен)?")
_FIRST_POSS = re.compile(r"([^\W\d_]{3,}?)(?:ымыз|іміз|мыз|міз|ым|ім)")


_TIME_RE = re.compile(
    r"^(?:жыл(?!дам|ыну|ыт)(?:$|ы$|ын|ы[мң]|да|ды|ға|ғы|дан|дар|дық|мен)|жұма$|жұмада"
    r"|ай(?:|да|дай|дың|ы|ын|ға|дан|лық|лығы|ында|ынан|ына|ының|мен|дар|дарда)$"
    r"|апта|күн(?!іс)|тәулік|сағат|минут|секунд|ғасыр|онжылдық|жылдық|тоқсан|семестр)"
)
_MONTH_RE = re.compile(
    r"^(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйе[кг]|қазан|қараша"
    r"|желтоқсан|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"(?:|ь|я|е|да|де|та|те|ы|і|ың|ің|ында|інде|ына|іне|ынан|інен|ының|інің|дың|дің|ның|нің"
    r"|тың|тің|ға|ге|қа|ке|дан|ден|тан|тен|нан|нен|дағы|дегі|тағы|тегі|ғы|гі|қы|кі|ындағы|індегі"
    r"|ын|ін|с[ыі](?:|н|на|не|нда|нде|нан|нен|ның|нің|ндағы|ндегі))$"
)
_AGE_RE = re.compile(r"^жас(?:қа|та|тағы|тан|ар|ында|ынан|ына|ты|тағылар|ы|ым\w*|ың\w*|ыма)$")


def is_time_word(word: str) -> bool:
    """A duration/period word: «жылда», «айлық», «сағат», «тоқсан».

    >>> is_time_word("жылдарда"), is_time_word("жылу"), is_time_word("айыппұл")
    (True, False, False)
    >>> is_time_word("жылдамдықты"), is_time_word("жылынуы"), is_time_word("жылдан")
    (False, False, True)
    """
    return bool(_TIME_RE.match(word.lower()))


def is_month(word: str) -> bool:
    """A month name in any case form.

    >>> is_month("Желтоқсан"), is_month("наурызда"), is_month("мамандар")
    (True, True, False)
    >>> is_month("шілдесіне"), is_month("қыркүйегінде"), is_month("қазанында")
    (True, True, True)
    """
    return bool(_MONTH_RE.match(word.lower()))


def is_age(word: str) -> bool:
    """An age form of «жас»: «жасқа», «жастағы» (bare «жас» is «young person»).

    >>> is_age("жасқа"), is_age("жас")
    (True, False)
    """
    return bool(_AGE_RE.match(word.lower()))
