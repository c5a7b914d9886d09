"""Who reported which figure (spec §3) on the five seed articles, plus rules 2–5
on sentences written in regional-news style."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _helpers import person, reporters_of

from kg.extract.according import find_according
from kg.extract.quotes import find_quotes
from kg.extract.reporters import (
    Context,
    attribute_figures,
    find_indirect,
    find_post,
    split_sentences,
    word_case,
)
from kg.model import Figure, Mention, Person, Post

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def figures(text: str, *surfaces: str) -> list[Figure]:
    """One Figure per surface string (``"145@2"``: its second occurrence)."""
    out = []
    for s in surfaces:
        form, _, nth = s.partition("@")
        m = list(re.finditer(re.escape(form), text))[int(nth or 1) - 1]
        out.append(Figure(start=m.start(), end=m.end(), text=s))
    return out


def reporters(text: str, people: list[Person], posts: list[Post], *surfaces: str) -> dict:
    figs = figures(text, *surfaces)
    sentences = split_sentences(text)
    quotes = find_quotes(text, sentences, people, posts)
    attribute_figures(text, sentences, figs, quotes)
    return {f.text: f.reporter_key for f in figs}


def seed(n: int) -> str:
    return next(SEEDS.glob(f"{n:03d}_*.txt")).read_text(encoding="utf-8")


# --- the seeds ------------------------------------------------------------------

def test_seed_000_direct_quote_and_indirect_sentence() -> None:
    t = seed(0)
    people = [person(t, "alishev", "Руслан Әлішев"), person(t, "asanov", "Жеңіс Асанов")]
    posts = [Post("asanov", "атқарушы хатшысы",
                  "amanat-partiiasy-soltustik-qazaqstan-oblystyq-filialy")]
    got = reporters(t, people, posts, "8 партиялық", "369", "43%", "5 мыңнан",
                    "Бір жарым мыңнан", "986", "5827", "92,5 млн", "304 мың", "330 мың", "14",
                    "240", "50%", "20%", "43,5%", "мыңға жуық")
    asanov = {"8 партиялық", "369", "43%", "5 мыңнан", "Бір жарым мыңнан"}
    assert {k for k, v in got.items() if v == "asanov"} == asanov
    assert all(v is None for k, v in got.items() if k not in asanov)


def test_seed_001_indirect_is_one_sentence_only() -> None:
    t = seed(1)
    people = [person(t, "tokayev", "Қасым-Жомарт Тоқаев"),
              person(t, "saparbaev", "Бердібек Сапарбаев", "Бердібек Сапарбаев", "Б.Сапарбаев"),
              person(t, "zhamangozov", "Бейқұт Жамангозов")]
    posts = [Post("saparbaev", "әкімі", "jambyl-oblysy"),
             Post("zhamangozov", "басшысы", "jambyl-oblysy-akimdiginin-ishki-saiasat-basqarmasy")]
    got = reporters(t, people, posts, "145", "812", "1070", "445", "347", "18 мың", "145@2",
                    "790", "175", "221")
    assert got["145"] == got["812"] == "zhamangozov"
    assert all(got[k] is None for k in ("1070", "445", "347", "18 мың", "145@2", "790", "175",
                                        "221"))


def test_seed_002_dash_tag_paragraph_with_unclosed_quote_mark() -> None:
    t = seed(2)
    people = [person(t, "tokayev", "Қасым-Жомарт Тоқаев", "Қасым-Жомарт Кемелұлы Тоқаев"),
              person(t, "tursynova", "Ляна Тұрсынова"),
              person(t, "kydyrbekov", "Мұрат Қыдырбеков", "Қыдырбеков Мұрат Жақсығалиұлы"),
              person(t, "mukanova", "Ардақ Мұқанова")]
    got = reporters(t, people, [], "Екі қоғамдық", "6 хат")
    assert got == {"Екі қоғамдық": "tursynova", "6 хат": "tursynova"}


def test_seed_003_two_quotes_second_by_post_only() -> None:
    t = seed(3)
    people = [person(t, "omar", "Ерлан Омар", "Ерлан ОМАР"),
              person(t, "dauletbaeva", "Жанар Дәулетбаева")]
    posts = [Post("dauletbaeva", "басшысының орынбасары",
                  "oblystyq-jumyspen-qamtudy-uilestiru-jane-aleumettik-bagdarlamalar-basqarmasy")]
    got = reporters(t, people, posts, "3,2%", "5,4 млрд", "33 759", "27 007", "46 560", "92%",
                    "283 млн", "449,3 млн", "1 561", "2 746", "95 құралы")
    quoted = {"3,2%", "5,4 млрд", "33 759", "27 007"}
    assert {k for k, v in got.items() if v == "dauletbaeva"} == quoted
    assert all(v is None for k, v in got.items() if k not in quoted)
    second = t.index("Өңірде қолдауды")
    qs = find_quotes(t, [], people, posts)
    assert [q.speaker_key for q in qs if q.start <= second < q.end] == ["dauletbaeva"]
    assert [q.speaker_key for q in find_quotes(t, [], people, [])
            if q.start <= second < q.end] == [None]  # no post known: nobody


def test_seed_004_indirect_according_to_and_post_subject() -> None:
    t = seed(4)
    people = [person(t, "sagyntaev", "Бақытжан Сағынтаев", "Бақытжан Сағынтаев", "Сағынтаев"),
              person(t, "basirova", "Ақмарал Басирова", "Ақмарал Басирова", "Басирова"),
              person(t, "rakhimova", "Дана Рахимова")]
    posts = [Post("sagyntaev", "әкімі", "almaty-qalasy")]
    got = reporters(t, people, posts, "25 мың", "200%", "700 млн", "жеті учаскені", "888", "555 мың",
                    "557", "203", "5 миллион", "406 млн")
    assert got["25 мың"] == "basirova"
    assert got["200%"] == got["700 млн"] == got["жеті учаскені"] == "sagyntaev"
    assert all(got[k] is None for k in ("888", "555 мың", "557", "203", "5 миллион", "406 млн"))
    # without the post, «Алматы әкімі … жеткізді» has no person subject
    assert reporters(t, people, [], "жеті учаскені")["жеті учаскені"] is None


# --- rule 2: indirect speech ------------------------------------------------------

def test_indirect_needs_person_subject_not_organisation() -> None:
    t = ("Облыстық денсаулық сақтау басқармасы биыл 14 емхана жөнделгенін хабарлады. "
         "Басқарма басшысы Нұрлан Серіков 20 дәрігер жұмысқа алынғанын мәлімдеді.")
    people = [person(t, "serikov", "Нұрлан Серіков")]
    assert reporters(t, people, [], "14", "20") == {"14": None, "20": "serikov"}


def test_indirect_oblique_person_is_not_subject() -> None:
    t = "Жиында Асановқа сөз берілді. Асанов туралы 30 мақала жарияланды деп хабарлады."
    people = [person(t, "asanov", "Жеңіс Асанов", "Асанов")]
    assert reporters(t, people, [], "30") == {"30": None}


def test_bul_turaly_does_not_cover_previous_sentences() -> None:
    t = ("Аудан бойынша 120 отбасы баспанамен қамтылды. Тағы 45 үйдің құрылысы басталды.\n"
         "Бұл туралы аудан әкімі Ерлан Жұмабеков мәлімдеді.")
    people = [person(t, "zhumabekov", "Ерлан Жұмабеков")]
    assert reporters(t, people, [], "120", "45") == {"120": None, "45": None}
    ctx = Context.build(t, [], people, [])
    assert [t[q.start:q.end] for q in find_indirect(ctx)] == [
        "Бұл туралы аудан әкімі Ерлан Жұмабеков мәлімдеді."]


def test_relative_clause_subject_is_skipped() -> None:
    t = ("Мемлекет басшысы Қасым-Жомарт Тоқаев жариялаған бағдарлама аясында "
         "50 мектеп салынатынын айтты.")
    people = [person(t, "tokayev", "Қасым-Жомарт Тоқаев")]
    assert reporters(t, people, [], "50") == {"50": None}


def test_inverted_subject_after_verb() -> None:
    t = "Биыл ауданда 7 жаңа балабақша ашылады деп мәлімдеді Гүлнар Әбенова."
    people = [person(t, "abenova", "Гүлнар Әбенова")]
    assert reporters(t, people, [], "7 жаңа") == {"7 жаңа": "abenova"}


# --- rule 3: according to ---------------------------------------------------------

def test_according_to_same_sentence_only() -> None:
    t = ("Аудан әкімі Марат Оспановтың айтуынша, биыл 12 шақырым жол жөнделді. "
         "Келесі жылы тағы 30 шақырым жөнделеді.")
    people = [person(t, "ospanov", "Марат Оспанов", "Марат Оспанов")]
    assert reporters(t, people, [], "12", "30") == {"12": "ospanov", "30": None}


def test_according_to_pronoun_and_as_said() -> None:
    t = ("Ауыл шаруашылығы бөлімінің басшысы Дәурен Қасымов жиында сөз алды. "
         "Оның сөзінше, егін 45 мың гектарға егілді.\n"
         "Дәурен Қасымов атап өткендей, өнімділік 18 центнерге жетті.")
    people = [person(t, "kasymov", "Дәурен Қасымов")]
    assert reporters(t, people, [], "45 мың", "18") == {"45 мың": "kasymov", "18": "kasymov"}


def test_according_to_post_only_and_organisation() -> None:
    t = ("Білім бөлімінің басшысы Айжан Серікова мектептерді аралады. "
         "Бөлім басшысының мәліметінше, 9 мектеп жөнделді. "
         "Басқарманың мәліметінше, 16 мектеп салынады.")
    people = [person(t, "serikova", "Айжан Серікова")]
    posts = [Post("serikova", "бөлімінің басшысы", "bilim-bolimi")]
    assert reporters(t, people, posts, "9", "16") == {"9": "serikova", "16": None}
    ctx = Context.build(t, [], people, posts)
    assert [q.speaker_key for q in find_according(ctx)] == ["serikova", None]


# --- rule 4: posts -----------------------------------------------------------------

def test_find_post_ignores_case_endings_and_checks_the_organisation() -> None:
    t = "– деді облыс әкімі. – деді Алматы қаласының әкімі. – деді аудан әкімі."
    posts = [Post("sagyntaev", "әкімі", "almaty-qalasy")]
    ctx = Context.build(t, [], [], posts)
    assert find_post(ctx, 0, 18, pos=0) is None  # облыс ≠ Алматы қаласы
    assert find_post(ctx, 20, 50, pos=20) == "sagyntaev"
    assert find_post(ctx, 52, len(t), pos=52) is None


def test_word_case() -> None:
    toks = frozenset({"жеңіс", "асанов"})
    assert [word_case(w, toks) for w in ("Асанов", "Асановтың", "Асановқа", "Асановты")] == [
        "nom", "gen", "dat", "acc"]


@pytest.mark.parametrize("n", range(5))
def test_seeds_run_fast_and_without_people(n: int) -> None:
    t = seed(n)
    assert all(q.speaker_key is None for q in find_quotes(t, [], [], []))


def test_pronoun_subject_of_indirect_speech() -> None:
    t = ("Жиынды аудан әкімі Қанат Мұсин ашты. Сондай-ақ ол биыл 40 шақырым су құбыры "
         "тартылғанын атап өтті. Оның бұл сөзіне тұрғындар 5 ұсыныс айтты.")
    people = [person(t, "musin", "Қанат Мұсин")]
    assert reporters(t, people, [], "40", "5 ұсыныс") == {"40": "musin", "5 ұсыныс": None}


def test_post_modifier_must_fit_the_organisation() -> None:
    t = ("Бөлім басшысы 30 жоба қаралғанын айтты. Басқарма басшысы 12 жоба бекітілгенін айтты. "
         "Жиында басшысы 9 жоба қайтарылғанын айтты.")
    posts = [Post("zhamangozov", "басшысы", "ishki-saiasat-basqarmasy")]
    assert reporters(t, [], posts, "30", "12", "9") == {
        "30": None, "12": "zhamangozov", "9": "zhamangozov"}


def test_post_only_tag_matches_the_post_introduced_with_its_organisation() -> None:
    # «Басқарма басшысы X …» earlier, then «…», – дейді басқарма басшысы (org key unknown)
    t = ("Басқарма басшысы Нұржан Оспанов жиынды ашты.\n"
         "«Биыл 14 көпір жөнделді. Жол бойына 2-ден 5%-ға дейін қаржы қосылды», "
         "– дейді басқарма басшысы.\n"
         "«Тағы 6 көпір салынады», – дейді басқарманың бас маманы.")
    people = [person(t, "ospanov", "Нұржан Оспанов")]
    m = re.search("басшысы Нұржан Оспанов", t)
    posts = [Post("ospanov", "басшысы", None,
                  Mention(start=m.start(), end=m.end(), text=m.group(), label="POST"))]
    got = reporters(t, people, posts, "14 көпір", "2-ден", "5%-ға", "6 көпір")
    # «бас маманы» is another, unnamed official: «бас» is not a short form of «басшысы»
    assert got == {"14 көпір": "ospanov", "2-ден": "ospanov", "5%-ға": "ospanov",
                   "6 көпір": None}


def test_according_to_in_page_furniture_makes_no_empty_quote() -> None:
    """«Х-тың сөзінше» outside the body spans (after «Соңғы жаңалықтар») has no sentence: it
    gives no quote (an empty one failed SHACL and lost the article)."""
    from kg.model import Article
    from kg.pipeline import extract

    text = ("Облыс әкімі Нұрлан Сәрсенов биыл 5 мектеп салынатынын айтты.\n"
            "Соңғы жаңалықтар\n"
            "Меңгерушінің сөзінше, алғашқы күні 250-ден астам бүлдіршін келді.")
    ex = extract(Article(id="t1", text=text, source="t1.txt"))
    assert ex.quotes and all(q.end > q.start for q in ex.quotes)
    assert [f.value for f in ex.figures] == [5]


def test_bare_person_noun_in_the_tag_is_the_person_just_introduced() -> None:
    text = ("Қожалық басшысы Асқар Төлеубаев фермасын кеңейткен.\n\n"
            "«Шаруашылықты әкемнен мұраға алдым. Қазір шаруашылықта 260 бас ірі қара бар, "
            "күніне 1,8 тонна сүт сауамыз», – дейді кәсіпкер.")
    assert reporters_of(text) == {"260": "Асқар Төлеубаев", "1,8 тонна": "Асқар Төлеубаев"}


def test_region_head_is_the_akim() -> None:
    """«Өңір басшысы …» names the akim, so «Оның айтуынша» is his, not the chair's who was
    mentioned last."""
    text = ("Түркістан облысының әкімі Әсет Бекназаров есеп берді. Жиынды мәслихат хатшысы "
            "Бауыржан Тілеубаев жүргізді.\n\n"
            "Өңір басшысы экономиканың өскенін атап өтті. Оның айтуынша, өнім көлемі 4,6 трлн "
            "теңгеге жетті.")
    assert reporters_of(text) == {"4,6 трлн теңгеге": "Әсет Бекназаров"}


def test_tv_correspondent_lines_are_narration_not_interview_questions() -> None:
    """A TV transcript with «ТІЛШІ:» lines was read as an interview of the correspondent,
    whose answers overlapped the captions: two quotes on one span failed SHACL."""
    from kg.map import to_graph
    from kg.model import Article
    from kg.pipeline import extract
    from kg.validate import validate

    text = ("ЖҮРГІЗУШІ: Толығырақ тілшіміз Мәди Сапарғалиевтің сюжетінде.\n"
            "ТІЛШІ: Қаскелең бағытындағы жолда жұмыс жүріп жатыр. Учаскенің ұзындығы – 12,5 км.\n"
            "Асқар Төлеуов, аудан әкімінің орынбасары:\n"
            "– Биыл жолдарды жөндеуге 9,4 млрд теңге қарастырылды.\n"
            "ТІЛШІ: Райымбек көшесінде 86 шам орнатылады.\n"
            "Бахтияр Нұрматов, Қаскелең қаласының тұрғыны:\n"
            "– Біздің көшеде 150-ден астам үй бар.\n"
            "Мәди Сапарғалиев, «Алатау Ақпарат»")
    assert reporters_of(text) == {"12,5 км": None, "9,4 млрд теңге": "Асқар Төлеуов",
                                  "86": None, "150-ден астам": "Бахтияр Нұрматов"}
    ex = extract(Article(id="tv", text=text))
    assert len({(q.start, q.end) for q in ex.quotes}) == len(ex.quotes)
    assert validate(to_graph(ex)).conforms


def test_post_only_source_of_a_department_with_a_long_name() -> None:
    text = ("Сайрам ауданы тұрғын үй-коммуналдық шаруашылығы, жолаушылар көлігі және автомобиль "
            "жолдары бөлімінің басшысы Нұрлан Серікбаев кезек мәселесіне тоқталды. Бөлім "
            "басшысының мәліметінше, аудандағы тұрғын үй кезегінде 6 318 адам тұр.")
    assert reporters_of(text) == {"6 318": "Нұрлан Серікбаев"}


def test_a_warning_introduced_by_a_colon_is_the_speakers_quote() -> None:
    text = ("Департамент басшысының орынбасары Әлия Мұсабекова азаматтарға ескерту жасады: "
            "«Жәрдемақы тағайындау кезінде табысын жасырған 58 отбасы анықталды».")
    assert reporters_of(text) == {"58": "Әлия Мұсабекова"}


def test_a_post_after_the_verb_of_indirect_speech_names_the_reporter() -> None:
    text = ("Талғат Рахымжанов, Қостанай облысы әкімдігінің жолаушылар көлігі және автомобиль "
            "жолдары басқармасының басшысы:\n\n– Жөндеу жұмыстарына 68,4 млрд теңге "
            "қарастырылды.\n\n«Ауыл жолы» бағдарламасы аясында биыл 46 ауылға апаратын 210 "
            "шақырым жол жөнделеді деп жеткізді басқарма басшысы.")
    got = reporters_of(text)
    assert got["210 шақырым"] == "Талғат Рахымжанов"
    assert got["46"] == "Талғат Рахымжанов"


def test_a_long_post_and_name_after_the_verb_and_a_branch_s_secretary_by_post() -> None:
    text = ("Қалада көмек алушылар саны 8 пайызға азайды деп жеткізді Алматы қалалық "
            "мәслихатының депутаты Сәуле Ахметова.")
    assert reporters_of(text) == {"8 пайызға": "Сәуле Ахметова"}
    text = ("Кездесуге «AMANAT» партиясы Жетісу облыстық филиалының атқарушы хатшысы Жандарбек "
            "Құлжанов қатысты.\n\n«Биыл 4 мыңнан астам жасөспірімді жұмыспен қамту жоспарланып "
            "отыр», – деді филиалдың атқарушы хатшысы.")
    assert reporters_of(text) == {"4 мыңнан астам": "Жандарбек Құлжанов"}


def test_the_scientist_s_words_are_the_scientist_s_named_before() -> None:
    text = ("Серік Ибраев – Қорқыт Ата атындағы Қызылорда университетінің аға ғылыми "
            "қызметкері. Ол бес жылдан бері сексеуіл алқаптарын зерттеп келеді. Ғалымның "
            "сөзінше, биыл 3 тонна тұқым жиналады.")
    assert reporters_of(text)["3 тонна"] == "Серік Ибраев"


def test_reported_clause_closed_by_a_converb() -> None:
    """«Name 6 баланы тәрбиелеп отырғанын айтып, … сұрады»: the clause before «айтып,» is
    Name's reported speech; the next sentence of narration is nobody's."""
    text = ("Қордай ауылының тұрғыны Мәншүк Әбдікәрімова 6 баланы тәрбиелеп отырғанын айтып, "
            "баспана кезегіндегі орнын анықтауды сұрады. Ауданда 12 мектеп бар.")
    assert reporters_of(text) == {"6": "Мәншүк Әбдікәрімова", "12": None}


def test_blind14_odd_post_caption_and_interview_asker() -> None:
    # «post Name:» on its own line, then a dialogue-dash paragraph: that person's speech
    got = reporters_of("Атбасарда такси іске қосылды.\n\nОрталық директоры Сәуле "
                       "Бекмұхамбетова:\n\n– Бір айда 600-ге дейін сапар жасауға мүмкіндік бар. "
                       "Қазір қызметке 85 азамат тіркелді.\n\nАйта кетейік, жобаға 150 млн "
                       "теңге қарастырылған.")
    assert got == {"600-ге дейін": "Сәуле Бекмұхамбетова", "85": "Сәуле Бекмұхамбетова",
                   "150 млн теңге": None}
    # «Name1 газетінің бас редакторы Name2-ға сұхбат берді»: Name2 asked, Name1 answers
    got = reporters_of(
        "Қобда ауданының әкімі Ғабит Нұрғожин «Қобда тынысы» газетінің бас редакторы Ләззат "
        "Мырзағалиеваға сұхбат берді.\n\nТілші: Жұмыссыздық деңгейі қандай?\n\nАудан әкімі: "
        "Биыл 320 жаңа жұмыс орны ашылады.\n\nТілші: Жастарды қалай ұстап қаласыздар?\n\n"
        "Аудан әкімі: 46 жас маманға баспана берілді.")
    assert got == {"320": "Ғабит Нұрғожин", "46": "Ғабит Нұрғожин"}


def test_a_post_label_before_a_quoted_headline_is_its_holder() -> None:
    got = reporters_of("Бас дәрігер: «Ота кезегін күту уақыты екі есе қысқарды»\n\nОблыстық "
                       "аурухананың бас дәрігері Асхат Мұратов сұхбат берді.\n\nАсхат Мұратов: "
                       "Ауруханамызда 620 төсек-орын бар.\n")
    assert got == {"екі есе": "Асхат Мұратов", "620": "Асхат Мұратов"}


def test_glued_initials_before_a_given_name_shaped_surname() -> None:
    from kg.normalise.morph import tokenize
    from kg.normalise.people import find_names

    # «Г.Әбдірахман»: glued initials before a surname shaped like a given name
    hits = find_names(tokenize("Г.Әбдірахман ауданда 1 150-ден астам науқас тіркелгенін "
                               "жеткізді."))
    assert [(h.surname, h.initial) for h in hits] == [("Әбдірахман", "Г")]
