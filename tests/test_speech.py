"""Reporters in regional briefings (issue 12 part 4): post-only subjects of indirect speech,
paragraphs closed by «…, – деді X» with no opening mark, several speakers in turn (spec §3)."""

from __future__ import annotations

from _helpers import reporters_of as _reporters_of


class _ByPhrase(dict):
    """Figure text → reporter, looked up by the phrase a figure's text begins
    («6 дәрігерлік амбулатория» finds the figure «6»)."""

    def __getitem__(self, phrase: str) -> str | None:
        keys = [k for k in self if phrase.startswith(k) or k.startswith(phrase)]
        assert keys, (phrase, list(self))
        return dict.__getitem__(self, max(keys, key=len))


def reporters_of(text: str) -> _ByPhrase:
    return _ByPhrase(_reporters_of(text))

LEAD = ("Тараз, 14 қараша. Брифингке Жамбыл облысы энергетика және тұрғын үй-коммуналдық "
        "шаруашылығы басқармасының басшысы Ержан Қасымов пен «Тараз су» ЖШС директоры "
        "Айдар Нұрпейісов қатысты.\n\n")


# --- (a) a post-only subject of indirect speech ---------------------------------------

def test_generic_head_of_sector_is_the_department_head() -> None:
    got = reporters_of(LEAD + "Сала жетекшісі жыл соңына дейін тағы 9 елді мекенде құрылыс "
                              "жұмыстары аяқталатынын жеткізді.")
    assert got["9"] == "Ержан Қасымов"


def test_generic_head_of_enterprise_is_the_company_director() -> None:
    got = reporters_of(LEAD + "Кәсіпорын басшысы тұрғындардың 2,3 млрд теңге көлемінде берешегі "
                              "жиналып қалғанын жеткізді.")
    assert got["2,3 млрд теңге"] == "Айдар Нұрпейісов"


def test_generic_head_of_museum_matches_the_director_by_the_words_before_the_post() -> None:
    text = ("Түркістан, 30 қараша. «Әзірет Сұлтан» мемлекеттік тарихи-мәдени қорық-музейінің "
            "директоры Бақыт Ілиясов музейге келушілер туралы айтты.\n\n"
            "Қорық-музей басшысы жыл соңына дейін 15 жаңа экспозиция ашылатынын жеткізді.")
    assert reporters_of(text)["15 жаңа экспозиция"] == "Бақыт Ілиясов"


def test_generic_head_with_no_earlier_holder_or_two_holders_gives_nobody() -> None:
    nobody = ("Тараз, 14 қараша. Облыста ауыз су мәселесі талқыланды.\n\n"
              "Сала жетекшісі жыл соңына дейін тағы 9 елді мекенде құрылыс аяқталатынын жеткізді.")
    assert reporters_of(nobody)["9"] is None
    two = ("Семей, 2 қыркүйек. Брифингте облыстық білім басқармасының басшысы Әлия Жұмабекова мен "
           "облыстық құрылыс басқармасының басшысы Қанат Мұхаметжанов сөз сөйледі.\n\n"
           "Сала жетекшісі биыл 1 350 педагог біліктілігін арттырғанын жеткізді.")
    assert reporters_of(two)["1 350 педагог"] is None
    later = ("Есік, 9 сәуір. Жиынға аудандық ветеринария бөлімінің басшысы Асқар Бекболатов "
             "қатысты.\n\nБөлім басшысы егілген малдың 98 пайызы чиппен белгіленді деп атап өтті."
             "\n\nЖиында аудандық ауыл шаруашылығы бөлімінің басшысы Ерлан Тұрсынов сөйледі.")
    assert reporters_of(later)["98 пайызы"] == "Асқар Бекболатов"


# --- (b) a paragraph with no opening mark, closed by «…, – деді X» ---------------------

def test_tag_naming_a_speaker_after_a_quoted_company_name() -> None:
    text = ("Қызылорда, 21 қазан. Облыс әкімдігінде өткен жиында ауыл шаруашылығы басқармасының "
            "басшысы Нұржан Төлепов сөйледі.\n\n"
            "«Біз биыл 2 400 гектарға күріш ектік. Жаңа техниканың арқасында шығын 15 пайызға "
            "азайды», – дейді «Ақмешіт агро» ЖШС директоры Ғалым Сәрсенбаев.")
    got = reporters_of(text)
    assert got["2 400 гектарға"] == got["15 пайызға"] == "Ғалым Сәрсенбаев"


def test_dash_closed_paragraph_by_the_press_service_has_no_reporter() -> None:
    text = ("Атырау, 28 қазан. Махамбет ауданы әкімінің орынбасары Бекзат Есенғалиев аудандық "
            "жолдардың жағдайына тоқталды.\n\n"
            "Ауданда жолдардың 64 пайызы жақсы жағдайда. Келесі жылы тағы 22 шақырым жолды жөндеу "
            "жоспарланған, – деп хабарлады аудан әкімдігінің баспасөз қызметі.")
    got = reporters_of(text)
    assert got["64 пайызы"] is None and got["22 шақырым"] is None


# --- (c) speakers in turn ------------------------------------------------------------

def test_new_speaker_introduced_in_the_dash_closed_paragraph_takes_over() -> None:
    text = ("Тараз, 14 қараша. Брифингте облыстық энергетика басқармасының басшысы Ержан Қасымов "
            "сөйледі.\n\nБиыл 186 шақырым су құбыры салынды, – деді Ержан Қасымов.\n\n"
            "Облыстық білім басқармасының басшысы Әлия Жұмабекова мектептерге тоқталды. Биыл "
            "6 мектеп салынды. Оған 28 млрд теңге бөлінді, – деді басқарма басшысы.")
    got = reporters_of(text)
    assert got["186 шақырым"] == "Ержан Қасымов"
    assert got["6 мектеп"] == got["28 млрд теңге"] == "Әлия Жұмабекова"


def test_dropped_subject_goes_on_with_the_last_speaker() -> None:
    text = ("Ақтау, 5 желтоқсан. Түпқараған ауданы әкімінің орынбасары Мақсат Ерғалиев "
            "аудандағы жағдайды баяндады. Ол аурухананың құрылысы 80 пайызға орындалғанын айтты. "
            "Сондай-ақ ауданда 6 дәрігерлік амбулатория жөнделгенін жеткізді.\n\n"
            "Айта кетейік, облыс халқының саны 780 мыңнан асты.")
    got = reporters_of(text)
    assert got["80 пайызға"] == got["6 дәрігерлік амбулатория"] == "Мақсат Ерғалиев"
    assert got["780 мыңнан"] is None


def test_connective_with_a_body_as_subject_is_not_the_last_speaker() -> None:
    text = ("Тараз. Брифингте облыстық энергетика басқармасының басшысы Ержан Қасымов сөйледі. "
            "Ол биыл 42 ауылға су тартылғанын айтты.\n\n"
            "Сондай-ақ басқарма қалада 4 200 абонентке есептегіш орнатылғанын хабарлады.")
    got = reporters_of(text)
    assert got["42 ауылға"] == "Ержан Қасымов"
    assert got["4 200 абонентке"] is None
