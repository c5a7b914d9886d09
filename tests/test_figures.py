"""Figures in Kazakh news text (kg.extract.figures, spec §2)."""

from __future__ import annotations

import re
import time
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract.figures import find_figures, parse_number
from kg.model import Sentence

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sentences(text: str) -> list[Sentence]:
    """One sentence per non-empty line (enough for these tests)."""
    return [Sentence(m.start(), m.end(), index=i)
            for i, m in enumerate(re.finditer(r"[^\n]*\S[^\n]*", text))]


def figs(text: str) -> list[tuple[Decimal, str, str]]:
    return [(f.value, f.unit, f.qualifier) for f in find_figures(text, sentences(text))]


def one(text: str) -> tuple[Decimal, str, str]:
    got = figs(text)
    assert len(got) == 1, got
    return got[0]


def D(v: str | int) -> Decimal:
    return Decimal(str(v))


# --- the five seeds -----------------------------------------------------------------------


def test_seed_000_exact() -> None:
    text = (SEEDS / "000_23f16858fcfc66eb.txt").read_text(encoding="utf-8")
    assert figs(text) == [
        (D(1000), "person", "approximately"),
        (D(1000), "person", "approximately"),
        (D(8), "жоба", "exact"),
        (D(986), "person", "exact"),
        (D(369), "нысан", "exact"),
        (D(43), "percent", "exact"),
        (D(5000), "person", "more_than"),
        (D(1500), "person", "more_than"),
        (D(5827), "person", "exact"),
        (D(92500000), "KZT", "exact"),
        (D(304000), "hectare", "more_than"),
        (D(330000), "hectare", "at_least"),
        (D(14), "филиал", "exact"),
        (D(240), "person", "exact"),
        (D(50), "percent", "exact"),
        (D(20), "percent", "exact"),
        (D("43.5"), "percent", "exact"),
    ]


def test_seed_000_offsets_and_text() -> None:
    text = (SEEDS / "000_23f16858fcfc66eb.txt").read_text(encoding="utf-8")
    ss = sentences(text)
    got = find_figures(text, ss)
    for f in got:
        assert text[f.start : f.end] == f.text
        s = ss[f.sentence_index]
        assert s.start <= f.start < f.end <= s.end
        assert f.project_key is None and f.reporter_key is None
    texts = [f.text for f in got]
    assert "мыңға жуық" in texts and "92,5 млн теңге" in texts and "5 мыңнан астам" in texts
    assert "43%-ға" in texts


def test_seed_001() -> None:
    text = (SEEDS / "001_c4802c5d7ac5deb4.txt").read_text(encoding="utf-8")
    got = figs(text)
    assert (D(18000), "person", "approximately") in got
    assert (D(145), "елді мекен", "exact") in got
    assert (D(812), "іс-шара", "exact") in got
    assert (D(170), "person", "approximately") in got
    assert (D(790), "мәселе", "approximately") in got
    assert (D(245), "person", "exact") in got  # «245 жас» = young people
    assert [v for v, _, _ in got].count(D(145)) == 2  # «145 елдімекен» too
    values = {v for v, _, _ in got}
    assert D(241) not in values and D(2020) not in values  # page furniture, year
    assert len(got) == 19


def test_seed_003_elided_and_money() -> None:
    text = (SEEDS / "003_59ea5043924e4096.txt").read_text(encoding="utf-8")
    got = figs(text)
    assert (D(46560), "жұмыс орны", "exact") in got
    assert (D(27964), "жұмыс орны", "exact") in got  # «27 964-і» → the jobs
    assert (D(33368), "person", "exact") in got
    assert (D(27007), "person", "exact") in got
    assert (D(1572800), "KZT", "exact") in got
    assert (D(6800000000), "KZT", "exact") in got
    assert (D(76), "person", "exact") in got  # «76 мүгедектігі бар адам»
    assert (D(95), "құрал", "exact") in got
    assert (D(1561), "топ", "exact") in got
    assert (D(5), "орталық", "exact") in got
    values = {v for v, _, _ in got}
    assert not values & {D(93), D(9), D(35), D(2025), D(11), D(2)}  # furniture, «екі жеп»


def test_seed_004_up_to_and_words() -> None:
    text = (SEEDS / "004_6ee0fdbb400b8aeb.txt").read_text(encoding="utf-8")
    got = figs(text)
    assert (D(555000), "KZT", "up_to") in got
    assert (D(5000000), "KZT", "up_to") in got
    assert (D(557), "person", "exact") in got  # «Олардың 557-сі» → the 888 people
    assert (D(203), "person", "exact") in got  # «203 көпбалалы ана»
    assert (D(7), "учаске", "exact") in got  # «жеті учаскені»
    values = {v for v, _, _ in got}
    assert not values & {D(24), D(2020), D(1489), D(9), D(31)}


def test_seed_002_only_real_counts() -> None:
    text = (SEEDS / "002_e3de8d76c5583c0c.txt").read_text(encoding="utf-8")
    assert (D(6), "хат", "exact") in figs(text)
    assert all(v != 1 for v, _, _ in figs(text))  # «бірқатар», «бір-бірін», «Бірінші»


def test_all_seeds_fast() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    t0 = time.perf_counter()
    for t in texts:
        find_figures(t, sentences(t))
    assert time.perf_counter() - t0 < 1.0


# --- digits, scales, percent, multipliers ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Биыл 8,3 млрд теңге қаралды.", (D(8300000000), "KZT", "exact")),
        ("Жобаға 1 572 800 теңгелік грант берілді.", (D(1572800), "KZT", "exact")),
        ("Ауданға 46\u00a0560 теңге бөлінді.", (D(46560), "KZT", "exact")),
        ("Көрсеткіш 93,8%-ды құрады.", (D("93.8"), "percent", "exact")),
        ("Табыс 12 пайызға өсті.", (D(12), "percent", "exact")),
        ("Өнім көлемі екі есе артты.", (D(2), "есе", "exact")),
        ("Бағасы 2,5 есеге қымбаттады.", (D("2.5"), "есе", "exact")),
        ("Егін 120 мың тонна жиналды.", (D(120000), "тонна", "exact")),
        ("Жолдың 45 шақырымы жөнделді.", (D(45), "шақырым", "exact")),
        ("Ауданы 1 200 шаршы метр ғимарат.", (D(1200), "шаршы метр", "exact")),
        ("Қазандыққа 500 текше метр газ жұмсалды.", (D(500), "текше метр", "exact")),
        ("Компания $5 млн инвестиция салды.", (D(5000000), "USD", "exact")),
        ("Кәсіпорын 3 млн АҚШ долларына келісімшарт жасады.", (D(3000000), "USD", "exact")),
        ("Кәсіпкер 200 айлық есептік көрсеткіш мөлшерінде грант алды.", (D(200), "айлық есептік көрсеткіш", "exact")),
        ("Жаңа 300 орындық мектеп салынды.", (D(300), "орын", "exact")),
        ("Облыста 1,5 мың гектар жер игерілді.", (D(1500), "hectare", "exact")),
    ],
)
def test_units_and_scales(text: str, expected: tuple[Decimal, str, str]) -> None:
    assert one(text) == expected


# --- qualifiers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Шараға шамамен 50 адам қатысты.", (D(50), "person", "approximately")),
        ("Ауылда 20 шақты үй бар.", (D(20), "үй", "approximately")),
        ("Ауданда 100-дей отбасы тұрады.", (D(100), "отбасы", "approximately")),
        ("Көрмеге мыңға тарта көрермен келді.", (D(1000), "person", "approximately")),
        ("Марафонға 300-ден астам спортшы қатысты.", (D(300), "person", "more_than")),
        ("Жәрмеңкеде 50 тоннадан артық көкөніс сатылды.", (D(50), "тонна", "more_than")),
        ("Байқауға он мыңнан астам оқушы қатысты.", (D(10000), "person", "more_than")),
        ("Кемінде 30 пайызы жергілікті мамандар болуы тиіс.", (D(30), "percent", "at_least")),
        ("Төрт және одан да көп баласы бар отбасыларға көмек берілді.",
         (D(4), "person", "at_least")),
        ("Әр кәсіпкер 5 млн теңгеге дейін несие ала алады.", (D(5000000), "KZT", "up_to")),
        ("Несие сомасы 3 млн теңгеден аспайтын болады.", (D(3000000), "KZT", "up_to")),
        ("Тұрғындар саны 150 мыңға жетті.", (D(150000), "person", "exact")),
    ],
)
def test_qualifiers(text: str, expected: tuple[Decimal, str, str]) -> None:
    assert one(text) == expected


# --- ranges ----------------------------------------------------------------------------


def test_dash_range_two_figures() -> None:
    assert figs("Жалақы 27 680-32 005 теңге аралығында.") == [
        (D(27680), "KZT", "exact"), (D(32005), "KZT", "exact")]


def test_range_lower_bound_borrows_scale() -> None:
    assert figs("Жобаға 5–7 млн теңге керек.") == [
        (D(5000000), "KZT", "exact"), (D(7000000), "KZT", "exact")]


def test_ablative_range() -> None:
    assert figs("Мөлшерлеме 2-ден 4%-ға дейін төмендейді.") == [
        (D(2), "percent", "exact"), (D(4), "percent", "exact")]


# --- counted nouns and modifiers -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Биыл 64 мекемеге квота бөлінді.", (D(64), "мекеме", "exact")),
        ("Өңірде 8 партиялық жоба жүзеге асырылуда.", (D(8), "жоба", "exact")),
        ("Қалада 12 жаңа балабақша ашылды.", (D(12), "балабақша", "exact")),
        ("Ауданда 3 200 жұмыс орны ашылды.", (D(3200), "жұмыс орны", "exact")),
        ("Жыл басынан бері 27 мектептің шатыры жөнделді.", (D(27), "мектеп", "exact")),
        ("Төрт балаға көмек көрсетілді.", (D(4), "person", "exact")),
        ("Ауылға үш жүз елу тұрғын көшті.", (D(350), "person", "exact")),
        ("Бес ауылдық округте су құбыры тартылды.", (D(5), "ауылдық округ", "exact")),
    ],
)
def test_counted_nouns(text: str, expected: tuple[Decimal, str, str]) -> None:
    assert one(text) == expected


def test_elided_noun_takes_earlier_unit() -> None:
    got = figs("Ауданда 120 кәсіпорын бар. Оның 45-і шағын бизнеске жатады.")
    assert got == [(D(120), "кәсіпорын", "exact"), (D(45), "кәсіпорын", "exact")]


# --- not figures -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2021-2022 жылдарда жұмыс атқарылды.",
        "2020 жылдың қорытындысы шығарылды.",
        "Жиын 24 Желтоқсан 2020 өтті.",
        "Форум 9-20 наурыз аралығында өтеді.",
        "Өткен 2 жылда жұмыс жалғасты.",
        "11 ай қорытындысында жоспар орындалды.",
        "Ол 16 жыл қатарынан жеңімпаз атанды.",
        "Үш жылда көп іс тындырылды.",
        "Жоба 29 жасқа дейінгі жастарға арналған.",
        "XXXVI конференция өтті.",
        "Бірінші кезекте жол жөнделеді.",
        "Команда 2-ші орын алды.",
        "IV тоқсан қорытындысы шықты.",
        "Жиын сағат 10:30-да басталды.",
        "Анықтама телефоны: 8 777 123 45 67.",
        "Көрілімдер:93",
        "Мыңдаған тұрғын жиналды.",
        "Жүздеген ерікті көмектесті.",
        "Бір реттік төлем тағайындалды.",
        "Бір адамға шаққандағы табыс өсті.",
        "Оның бірі – жаңа жоба.",
        "Бірнеше мектеп салынды.",
        "Қызметкерлердің жартысы вакцина алды.",
        "Бұл туралы ҚР Кодексінің 5-бабында айтылған.",
        "Толығырақ: www.gov.kz/memleket/123 сайтында.",
        "Біз бір топ жастармен кездестік.",
        "Сайтқа Qazaq24.com жариялады.",
        "Апат 5 минут ішінде жойылды.",
        "Олар екеуі бірге жұмыс істейді.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figs(text) == []


def test_bare_number_line_is_furniture() -> None:
    text = "Ұлт татулығы\n\n241\n\nЖобаға 18 мыңға жуық адам тартылды."
    assert figs(text) == [(D(18000), "person", "approximately")]


def test_parse_number_reexported() -> None:
    assert parse_number("92,5 млн") == Decimal(92500000)


# --- units as the spec's nominative lemmas; multi-word counted nouns ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Қоймаға 80 тн көмір жеткізілді.", (D(80), "тонна", "exact")),
        ("Ауыл мен аудан арасы 18 км құрайды.", (D(18), "шақырым", "exact")),
        ("Резервуарға 300 м³ су құйылды.", (D(300), "текше метр", "exact")),
        ("Қойма ауданы 650 м² болады.", (D(650), "шаршы метр", "exact")),
        ("Саябаққа 90 мың доллар инвестиция тартылды.", (D(90000), "USD", "exact")),
    ],
)
def test_measure_units_are_lemmas(text: str, expected: tuple) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Мектепте 16 сынып бөлмесі жабдықталды.", "сынып бөлмесі"),  # izafet N + N-сі
        ("Көшелерге 40 қоқыс жәшігін қойды.", "қоқыс жәшігі"),  # izafet, accusative
        ("Қалада 3 сауда орталығы ашылды.", "сауда орталығы"),
        ("Жыл басынан бері 9 жазатайым оқиға болды.", "жазатайым оқиға"),
        ("Тексерісте 7 жұмыс берушіге айыппұл салынды.", "жұмыс беруші"),  # agent noun
        ("Ауданда 11 ауылдық медициналық пункт бар.", "медициналық пункт"),
        ("Биыл 2 жаңа ауылдық амбулатория салынады.", "амбулатория"),  # generic adjectives
        ("Өңірде 800-ге жуық медицина қызметкері еңбек етеді.", "person"),
        ("Жасыл белдеуге жүз жиырма түп ағаш отырғызылды.", "ағаш"),  # classifier «түп»
        ("Орталық 60 көмек туралы өтінішті қарады.", "өтініш"),  # «N X туралы Y»: Y counted
        ("Жиында 5 партиялық жоба таныстырылды.", "жоба"),
        ("Грантқа 8 тігін машинасын сатып алдым.", "тігін машинасы"),  # not «тік»
        ("Бағдарлама бойынша 46 шаруа қожалығы несие алды.", "шаруа қожалығы"),  # not person
        ("Биыл 5 жаңа бордақылау алаңы салынды.", "бордақылау алаңы"),  # after an adjective
        ("– Округтегі шаруа қожалықтарының саны 58-ге жетті.", "шаруа қожалығы"),  # «саны N»
        ("Ауданда жұмыс орындарының саны 120-ға жетті.", "жұмыс орны"),
    ],
)
def test_multiword_counted_nouns(text: str, unit: str) -> None:
    assert one(text)[1] == unit


def test_possessive_month_is_a_date_and_hotline_is_not_a_figure() -> None:
    assert figs("Құжаттар 2026 жылдың 1 шілдесіне дейін қабылданады.") == []
    assert figs("Нысан 2027 жылдың 15 қыркүйегінде ашылады.") == []
    assert figs("Сұрақтарды 1414 байланыс орталығына жолдауға болады.") == []


def test_verb_after_dative_upto_is_not_the_unit() -> None:
    got = figs("Ауданда 300 дәрігер жетіспейді.\nБиыл тапшылық 120-ға дейін азайды.")
    # «N-ға дейін азайды»: fell to N, a value (as the gold of three annotators reads it)
    assert got == [(D(300), "person", "exact"), (D(120), "person", "exact")]


def test_scorer_accepts_either_spelling_of_a_measure() -> None:
    from kg.evaluate import norm_unit

    for a, b in (("tonne", "тонна"), ("km", "шақырым"), ("км", "шақырым"), ("m3", "текше метр"),
                 ("m2", "шаршы метр")):
        assert norm_unit(a) == norm_unit(b)


def test_scaled_partitive_takes_the_nearest_noun_and_adjectives_are_skipped() -> None:
    text = ("Жалпы сомасы 64,5 млрд теңге несие берілді, былтыр 41 мыңнан астам жаңа жұмыс "
            "орны ашылып, оның 29 мыңы тұрақты болды.\n"
            "Мамандар 1 870-тен астам тегін кеңес берді.\n"
            "Оған 40-тан астам ауызша және жазбаша өтініш түсті.\n"
            "Екі жүзден астам көпбалалы және аз қамтылған отбасыға көмек берілді.\n"
            "Бизнес субъектілерінің саны 47,2 мыңға жетті.")
    assert [u for _, u, _ in figs(text)] == ["KZT", "жұмыс орны", "жұмыс орны", "кеңес",
                                             "өтініш", "отбасы", "субъект"]


def test_units_of_professions_points_capacity_and_verb_phrases() -> None:
    text = ("Облыста 58 неонатолог және 210 акушер-гинеколог еңбек етеді.\n"
            "Биыл 120 төсек-орындық орталық ашылды, 18 бөлімше жұмыс істейді.\n"
            "Ауданда 3 150 шағын және орта кәсіпорын бар.\n"
            "Ал 14 мектепте орташа балл 58,3 ғана болды, 130 балдан астам жинағандар көп.\n"
            "Былтыр 38 мектеп болса, биыл олардың саны 27-ге дейін азайды.")
    assert figs(text) == [
        (Decimal("58"), "person", "exact"), (Decimal("210"), "person", "exact"),
        (Decimal("120"), "төсек-орын", "exact"), (Decimal("18"), "бөлімше", "exact"),
        (Decimal("3150"), "кәсіпорын", "exact"), (Decimal("14"), "мектеп", "exact"),
        (Decimal("58.3"), "балл", "exact"), (Decimal("130"), "балл", "more_than"),
        (Decimal("38"), "мектеп", "exact"), (Decimal("27"), "мектеп", "exact"),
    ]


def test_adjectives_from_person_nouns_sponsorship_and_count_of_last_year() -> None:
    text = ("Облыстың 10 ауданында 24 дәрігерлік амбулатория салынды.\n"
            "Жобаға 15 ірі кәсіпорын демеушілік жасады.\n"
            "Көмек алатын отбасылар санын былтырғы 900-ден 1 340-қа жеткіздік.\n"
            "Бітірушілерінің 7 400-ден астамы грантқа үміткер.")
    assert [u for _, u, _ in figs(text)] == ["аудан", "амбулатория", "кәсіпорын", "отбасы",
                                             "отбасы", "person"]


def test_elders_over_an_age_are_not_a_count() -> None:
    text = ("Кейбір үйде 80-нен асқан қарттар жалғыз тұрады.\n"
            "Биыл 500-ден астам қарт демалды.\n"
            "Ауданда 1 000-нан асқан отбасы көмек алды.")
    assert figs(text) == [(D(500), "person", "more_than"), (D(1000), "отбасы", "more_than")]


def test_classifiers_compounds_and_set_phrases() -> None:
    text = ("Іс-шараларға 1 140 бірлік техника, оның ішінде 86 жүзу құралы мен кемінде 300 "
            "мотопомпа дайын тұр.\n"
            "Облыстағы 21 су қоймасында су жиналған.\n"
            "Қалада 3 жаңа маршрут іске қосылды.")
    assert figs(text) == [
        (D(1140), "техника", "exact"), (D(86), "жүзу құралы", "exact"),
        (D(300), "мотопомпа", "at_least"), (D(21), "су қоймасы", "exact"),
        (D(3), "маршрут", "exact"),
    ]


def test_hotlines_and_document_numbers_are_not_figures() -> None:
    text = ("Ақпаратты 112 бірыңғай кезекші-диспетчерлік қызметі арқылы алуға болады.\n"
            "Тұрғындар 1414 байланыс орталығына хабарласа алады.\n"
            "Депутаттар № 45-278 шешімді қабылдады.\n"
            "Облыста 102 полицей кезекшілік атқарды.")
    assert figs(text) == [(D(102), "person", "exact")]


def test_scale_word_in_the_possessive_accusative_and_partitive_number_words() -> None:
    text = ("Қосымша түскен қаржының 1,2 миллиардын білім беру саласына, 850 млн-ын жолға "
            "бағыттау ұсынылады.\n"
            "Сессияға жиырма бес депутаттың жиырма бірі қатысты.\n"
            "Жылу желісін ауыстыруға 2,4 миллиардтан астам қаржы жұмсалады.")
    assert figs(text) == [
        (D(1_200_000_000), "KZT", "exact"), (D(850_000_000), "KZT", "exact"),
        (D(25), "person", "exact"), (D(21), "person", "exact"),
        (D(2_400_000_000), "KZT", "more_than"),
    ]


def test_aek_with_a_hyphenated_case_ending_and_a_person_noun_before_an_agent_noun() -> None:
    # «АЕК-ке дейін»: the monthly calculation index with its case ending after a hyphen
    assert one("Олар 400 АЕК-ке дейін қайтарымсыз грант алды.") == (
        Decimal(400), "айлық есептік көрсеткіш", "up_to")
    # «кәсіпкер демеуші»: an entrepreneur who sponsors is still a person, not a compound unit
    assert one("Акцияға 35 кәсіпкер демеуші болды.") == (Decimal(35), "person", "exact")


def test_page_counters_after_a_bar_are_not_figures() -> None:
    text = "07 Сәуір 2026, 16:40 | Қаралды: 1 732 | Пікірлер: 4\nБиыл 520 шақырым жол жөнделеді."
    assert figs(text) == [(D(520), "шақырым", "exact")]


def test_a_share_of_those_who_did_something_counts_people() -> None:
    assert one("Жұмысқа тұрғандардың 11 400-і – жастар.") == (D(11400), "person", "exact")
    # a passive participle counts things, not people: the rules do not call them people
    assert figs("Салынғандардың 5-і – мектептер.") == [(D(5), "салынған", "exact")]


def test_a_share_said_to_be_a_kind_takes_that_noun() -> None:
    text = ("Биыл 23 медициналық нысан пайдалануға берілді. Олардың 14-і – медициналық пункт, "
            "7-еуі – фельдшерлік-акушерлік пункт.")
    assert [u for _, u, _ in figs(text)] == ["нысан", "медициналық пункт",
                                             "фельдшерлік-акушерлік пункт"]
    # where they are is not what they are: the noun stays the earlier one
    assert figs("Биыл 14 жаңа амбулатория ашылды, олардың 9-ы – жаңа шағын аудандарда.") == [
        (D(14), "амбулатория", "exact"), (D(9), "амбулатория", "exact")]


def test_compound_units_before_bar_and_after_an_open_adjective() -> None:
    assert figs("Облыста 2 400-ден астам спорт нысаны бар, оның 11-і – биыл берілді.") == [
        (D(2400), "спорт нысаны", "more_than"), (D(11), "спорт нысаны", "exact")]
    assert one("Облыста 86 ашық спорт алаңы салынды.") == (D(86), "спорт алаңы", "exact")
    assert one("Мүгедектігі бар 40 адам келді.") == (D(40), "person", "exact")


def test_a_share_of_named_things_said_to_be_a_kind_and_collective_agreements() -> None:
    assert figs("Жаңа нысандардың 19-ы – медициналық пункт.") == [
        (D(19), "медициналық пункт", "exact")]
    assert one("Кәсіпорындарда 640 ұжымдық шарт жасалды.") == (D(640), "ұжымдық шарт", "exact")


def test_adjective_of_solitude_is_not_the_unit() -> None:
    """«150 жалғызілікті қартқа»: lonely elderly people are people; the adjective is no unit."""
    assert figs("Еріктілер 150 жалғызілікті қартқа көмек көрсетті.") == [
        (Decimal(150), "person", "exact")]


def test_blind14_odd_units_ages_and_a_quoted_headline() -> None:
    # «тьютор», «белсенді (партия мүшесі)» count people; «орташа жасы – 44» is an age
    assert figs("Мектептерге 140 тьютор қажет.") == [(Decimal(140), "person", "exact")]
    assert figs("Олар 6 үйдің шатырын жөндеді.\nСоңында 5 белсенді партия мүшесіне алғыс "
                "хаты табысталды.")[1] == (Decimal(5), "person", "exact")
    assert figs("Олардың орташа жасы – 44. Компанияда 900-ге жуық қызметкер бар.") == [
        (Decimal(900), "person", "approximately")]
    # a short quotation after a colon is the headline's speech, not a quoted name
    assert figs("Ғабит Нұрғожин: «Биыл Қобдада 320 жаңа жұмыс орны ашылады»") == [
        (Decimal(320), "жұмыс орны", "exact")]
    assert figs("«Ауыл жастары 2030» жобасы басталды.") == []


def test_blind15_odd_counted_nouns() -> None:
    # «9 оқушымыз» (our pupils), journalists, «қант диабеті бар науқас» (patients who have it)
    assert figs("Биыл 9 оқушымыз жүлделі орын алды.") == [(Decimal(9), "person", "exact")]
    assert figs("Турға 20-дан астам журналист қатысты.") == [(Decimal(20), "person", "more_than")]
    assert figs("Ауданда 1 150-ден астам қант диабеті бар науқас тіркелген.") == [
        (Decimal(1150), "person", "more_than")]
    # «Кооперативтер саны … 11-ден 27-ге дейін өсті»: the bare numbers count cooperatives
    got = figs("Шаруаларға 2,3 млрд теңге субсидия төленді.\nКооперативтер саны соңғы 3 жылда "
               "11-ден 27-ге дейін өсті.")
    assert [u for _, u, _ in got] == ["KZT", "кооператив", "кооператив"]
    # «олардың саны – 210» refers back: the unit of the figure before
    got = figs("Жобаға 29 жастан асқан жұмыссыз әйелдер тартылды, олардың саны – 210.")
    assert got == [(Decimal(210), "person", "exact")]


def test_mid_level_workers_and_a_rates_base() -> None:
    assert figs("Емханада 60 орта буын медицина қызметкері жұмыс істейді.") == [
        (Decimal(60), "person", "exact")]
    # «бір шаршы метр үшін»: the base of a rate is not a count
    assert figs("Жылу тарифі бір шаршы метр үшін 95 теңге.") == [(Decimal(95), "KZT", "exact")]
