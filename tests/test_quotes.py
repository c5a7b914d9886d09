"""Direct speech: spans and speakers (spec §3 rules 1, 4, 5), in regional-news style."""

from __future__ import annotations

from _helpers import person, reporters_of

from kg.extract.quote_marks import pair_quotes, paragraphs
from kg.extract.quotes import find_quotes
from kg.model import Post, Quote


def speaker_at(quotes: list[Quote], text: str, needle: str) -> list[tuple[str | None, str]]:
    """(speaker, kind) of every quote covering ``needle``, smallest first."""
    i = text.index(needle)
    inside = [q for q in quotes if q.start <= i < q.end]
    return [(q.speaker_key, q.kind) for q in sorted(inside, key=lambda q: q.end - q.start)]


def test_multi_sentence_quote_with_nested_project_name() -> None:
    t = ("Жиында аудан әкімі сөз сөйледі.\n"
         "«Биыл «Таза ауыл» жобасы аясында 35 көше жарықтандырылды. Сонымен қатар "
         "«Ауыл – Ел бесігі» бағдарламасы бойынша 4 мектеп жөнделді», – деді Серік Бекетов.\n"
         "Ауданда 900 адам тұрады.")
    people = [person(t, "beketov", "Серік Бекетов")]
    qs = find_quotes(t, [], people, [])
    assert speaker_at(qs, t, "35 көше") == [("beketov", "direct")]
    assert speaker_at(qs, t, "4 мектеп") == [("beketov", "direct")]
    assert speaker_at(qs, t, "900 адам") == []
    q = next(q for q in qs if q.kind == "direct")
    assert t[q.start:q.start + 4] == "Биыл" and t[q.end - 8:q.end] == "жөнделді"


def test_german_and_english_quotation_marks() -> None:
    t = ("„Биыл 12 отбасы жаңа үйге кірді“, – дейді Айгүл Нұрланова.\n"
         "“Келесі жылы 20 пәтер беріледі”, – деп атап өтті Нұрланова.")
    people = [person(t, "nurlanova", "Айгүл Нұрланова", "Айгүл Нұрланова", "Нұрланова")]
    qs = find_quotes(t, [], people, [])
    assert speaker_at(qs, t, "12 отбасы")[0] == ("nurlanova", "direct")
    assert speaker_at(qs, t, "20 пәтер")[0] == ("nurlanova", "direct")


def test_dash_tag_without_quotation_marks_covers_the_paragraph() -> None:
    t = ("Кездесуде сала басшылары есеп берді.\n"
         "Биыл 240 шақырым жол жөнделді. Оның 60 шақырымы ауылдық жолдар, — деп атап өтті "
         "Сағынтаев.\n"
         "Жол бойында 15 аялдама салынды.")
    people = [person(t, "sagyntaev", "Бақытжан Сағынтаев", "Сағынтаев")]
    qs = find_quotes(t, [], people, [])
    assert speaker_at(qs, t, "240 шақырым")[0] == ("sagyntaev", "direct")
    assert speaker_at(qs, t, "60 шақырымы")[0] == ("sagyntaev", "direct")
    assert speaker_at(qs, t, "15 аялдама") == []


def test_speaker_before_tag_verb_and_dialogue_dash() -> None:
    t = ("Ауыл әкімі Болат Сейітов жиынды ашты. – Биыл 8 отбасы баспана алды, – деп "
         "Болат Сейітов атап өтті.")
    people = [person(t, "seitov", "Болат Сейітов")]
    qs = find_quotes(t, [], people, [])
    q = next(q for q in qs if q.kind == "direct")
    assert t[q.start:q.end] == "Биыл 8 отбасы баспана алды"
    assert q.speaker_key == "seitov"


def test_pronoun_and_dropped_subject_refer_to_previous_subject() -> None:
    t = ("Облыстық білім басқармасының басшысы Гүлмира Әлиева жаңа оқу жылына дайындыққа "
         "тоқталды.\n"
         "«Биыл 3 жаңа мектеп пайдалануға беріледі», – деді ол.\n"
         "Мектептерге 450 компьютер алынды, – деп жеткізді.\n"
         "Қазақстан Президенті Қасым-Жомарт Тоқаевтың тапсырмасы бойынша 10 мектеп салынуда.")
    people = [person(t, "alieva", "Гүлмира Әлиева"),
              person(t, "tokayev", "Қасым-Жомарт Тоқаев")]
    qs = find_quotes(t, [], people, [])
    assert speaker_at(qs, t, "3 жаңа")[0] == ("alieva", "direct")
    assert speaker_at(qs, t, "450 компьютер")[0] == ("alieva", "direct")
    assert speaker_at(qs, t, "10 мектеп") == []


def test_post_only_speaker_resolves_through_posts() -> None:
    t = ("Аудандық жұмыспен қамту орталығының директоры Ерлан Бекұлы баяндама жасады.\n"
         "«Жыл басынан бері 320 адам жұмысқа орналасты», – дейді орталық директоры.\n"
         "«Тағы 40 адам оқуға жіберілді», – дейді аудан әкімі.")
    people = [person(t, "bekuly", "Ерлан Бекұлы")]
    posts = [Post("bekuly", "орталығының директоры", "audandyq-jumyspen-qamtu-ortalygy")]
    qs = find_quotes(t, [], people, posts)
    assert speaker_at(qs, t, "320 адам")[0] == ("bekuly", "direct")
    assert speaker_at(qs, t, "40 адам")[0] == (None, "direct")  # nobody holds «аудан әкімі»


def test_speaker_before_colon() -> None:
    t = ("Аудан басшысы Марат Әбдіров жиында былай деді: «Биыл 75 жас маман ауылға келді. "
         "Оларға 30 пәтер берілді».\n"
         "Аудан әкімі Марат Әбдіров атап өтті:\n"
         "– Ауылда 5 спорт алаңы салынды.\n"
         "Ауданда 12 мың адам тұрады.")
    people = [person(t, "abdirov", "Марат Әбдіров")]
    qs = find_quotes(t, [], people, [])
    assert speaker_at(qs, t, "75 жас")[0] == ("abdirov", "direct")
    assert speaker_at(qs, t, "30 пәтер")[0] == ("abdirov", "direct")
    assert speaker_at(qs, t, "5 спорт")[0] == ("abdirov", "direct")
    assert speaker_at(qs, t, "12 мың") == []


def test_colon_list_in_narration_is_not_speech() -> None:
    t = "Жоба аясында атқарылған жұмыстар:\n– 14 саябақ абаттандырылды;\n– 6 көпір жөнделді."
    assert find_quotes(t, [], [], []) == []


def test_caption_style_speech() -> None:
    t = ("Ауылда жаңа дәрігерлік амбулатория ашылды.\n"
         "Сәуле Қайратқызы, аудандық аурухананың бас дәрігері:\n"
         "Амбулаторияда 6 дәрігер жұмыс істейді. Біз күніне 80 адамды қабылдаймыз.\n"
         "Ғимарат құрылысына 250 млн теңге жұмсалды.")
    people = [person(t, "kairatkyzy", "Сәуле Қайратқызы")]
    qs = find_quotes(t, [], people, [])
    assert speaker_at(qs, t, "6 дәрігер")[0] == ("kairatkyzy", "caption")
    assert speaker_at(qs, t, "80 адамды")[0] == ("kairatkyzy", "caption")
    assert speaker_at(qs, t, "250 млн") == []


def test_caption_line_ending_with_full_stop_needs_speech_after() -> None:
    t = ("Айдос Сәрсенов, фермер.\n"
         "Біз биыл 200 бас мал сатып алдық.\n"
         "Әлия Жұмабаева, «Ақжол» газеті.\n"
         "Ауданда 300 шаруа қожалығы бар.")
    people = [person(t, "sarsenov", "Айдос Сәрсенов"), person(t, "zhumabaeva", "Әлия Жұмабаева")]
    qs = find_quotes(t, [], people, [])
    assert speaker_at(qs, t, "200 бас")[0] == ("sarsenov", "caption")
    assert speaker_at(qs, t, "300 шаруа") == []


def test_quoted_names_and_naming_are_not_speech() -> None:
    t = ("«Бақытты отбасы» бағдарламасы аясында 50 отбасы үй алды. Бұл «кірістіру» деп аталатын "
         "құрылыс. «Нұр Отан» партиясы 20 ардагерге көмек берді.")
    people = [person(t, "x", "Нұр Отан")]
    assert find_quotes(t, [], people, []) == []


def test_press_service_and_unnamed_speakers_are_nobody() -> None:
    t = ("Әкім Жанат Омаров жиынға қатысты.\n"
         "Биыл облыста 18 мектеп салынады, – деп хабарлады облыс әкімдігінің баспасөз қызметі.\n"
         "«Ауылға 4 автобус келді», – деді ауыл тұрғыны.\n"
         "«Ауылға 9 дәрігер келді», – деп хабарлайды Kazinform.")
    people = [person(t, "omarov", "Жанат Омаров")]
    qs = find_quotes(t, [], people, [])
    for needle in ("18 мектеп", "4 автобус", "9 дәрігер"):
        assert speaker_at(qs, t, needle)[0] == (None, "direct")


def test_quotation_continued_over_paragraphs() -> None:
    t = ("«Өткен жылы 60 кәсіпкер грант алды.\n"
         "«Биыл олардың саны 90-ға жетеді», – деді Дина Сейтова.\n"
         "Жиынға 70 адам қатысты.")
    people = [person(t, "seitova", "Дина Сейтова")]
    qs = find_quotes(t, [], people, [])
    assert speaker_at(qs, t, "60 кәсіпкер")[0] == ("seitova", "direct")
    assert speaker_at(qs, t, "90-ға")[0] == ("seitova", "direct")
    assert speaker_at(qs, t, "70 адам") == []


def test_two_tags_in_one_paragraph() -> None:
    t = ("«Биыл 5 көпір салынды», – деді Асхат Нұров. «Ал 7 көпір жөнделді», – деді "
         "Гүлнар Бекова.")
    people = [person(t, "nurov", "Асхат Нұров"), person(t, "bekova", "Гүлнар Бекова")]
    qs = find_quotes(t, [], people, [])
    assert speaker_at(qs, t, "5 көпір")[0] == ("nurov", "direct")
    assert speaker_at(qs, t, "7 көпір")[0] == ("bekova", "direct")


def test_pair_quotes_and_paragraphs() -> None:
    t = "«Ағымдағы «Жол» жобасы»\n\n„Бір“ “Екі” \"Үш\""
    assert sorted(pair_quotes(t).items()) == [
        (14, (10, 0)), (22, (0, 0)), (29, (25, 25)), (35, (31, 31)), (40, (37, 37))]
    assert paragraphs(t) == [(0, 23), (25, 41)]


def test_intro_line_without_dash_and_colon_inline_speech() -> None:
    t = ("Аудандық білім бөлімінің басшысы Айжан Серікова атап өтті:\n"
         "Биыл 14 мектеп күрделі жөндеуден өтті.\n"
         "Ауыл әкімі Нұрлан Әбдіқадыров жиында айтты: биыл 25 отбасы жер телімін алды.\n"
         "Ауылда 600 үй бар.")
    people = [person(t, "serikova", "Айжан Серікова"), person(t, "abdikadyrov", "Нұрлан Әбдіқадыров")]
    qs = find_quotes(t, [], people, [])
    assert speaker_at(qs, t, "14 мектеп")[0] == ("serikova", "direct")
    assert speaker_at(qs, t, "25 отбасы")[0] == ("abdikadyrov", "direct")
    assert speaker_at(qs, t, "600 үй") == []


def test_collapsed_paragraphs_do_not_make_the_whole_article_speech() -> None:
    narration = "Ауданда 100 жаңа үй салынды. " * 100
    t = narration + "Биыл 8 мектеп ашылды, – деді Арман Қали."
    people = [person(t, "kali", "Арман Қали")]
    qs = find_quotes(t, [], people, [])
    assert speaker_at(qs, t, "8 мектеп")[0] == ("kali", "direct")
    assert speaker_at(qs, t, "100 жаңа") == []


def test_pronoun_prefers_the_subject_over_the_latest_mention() -> None:
    t = ("Гүлмира Әлиева Мемлекет басшысы Қасым-Жомарт Тоқаевтың тапсырмасына тоқталды.\n"
         "Облыста 16 жаңа емхана салынады, – деді ол.")
    people = [person(t, "alieva", "Гүлмира Әлиева"), person(t, "tokayev", "Қасым-Жомарт Тоқаев")]
    assert speaker_at(find_quotes(t, [], people, []), t, "16 жаңа")[0] == ("alieva", "direct")


def test_colon_intro_with_title_subject_refers_back_to_named_person() -> None:
    t = ("Жиынға аудан әкімі Болат Тәжібаев қатысты. Аудан басшысы жаңа жобаларға тоқталды:\n"
         "– Биыл 12 ауылға газ тартылады. Біз 3 мектепті күрделі жөндеуден өткіземіз.\n"
         "Ауданда 40 мың адам тұрады.")
    people = [person(t, "tazhibaev", "Болат Тәжібаев")]
    qs = find_quotes(t, [], people, [])
    assert speaker_at(qs, t, "12 ауылға") == [("tazhibaev", "direct")]
    assert speaker_at(qs, t, "3 мектепті") == [("tazhibaev", "direct")]
    assert speaker_at(qs, t, "40 мың") == []


def test_colon_intro_with_organisation_subject_has_no_speaker() -> None:
    t = ("Жиынға Болат Тәжібаев қатысты. Басқарма жаңа жобаларға тоқталды:\n"
         "– Биыл 12 ауылға газ тартылады.")
    qs = find_quotes(t, [], [person(t, "tazhibaev", "Болат Тәжібаев")], [])
    assert [s for s, _ in speaker_at(qs, t, "12 ауылға")] in ([], [None])


def test_interview_answers_are_the_interviewees() -> None:
    """Q&A: the answers between questions are the interviewee's; the narration after the
    last answer is nobody's; a labelled answer («Name:») is its label's."""
    text = ("Біз аудандық жұмыспен қамту орталығының директоры Мирас Ерланұлы Сейітовпен "
            "сұхбаттастық.\n\n"
            "– Мирас Ерланұлы, биыл қанша адам жұмысқа орналасты?\n\n"
            "– Жыл басынан бері 1 250 адам тұрақты жұмысқа орналасты. Оның 430-ы – жастар.\n\n"
            "– Жастар практикасы қалай жүріп жатыр?\n\n"
            "– Жастар практикасына 320 түлек жіберілді.\n\n"
            "Айта кетейік, өткен жылы ауданда 12 жаңа кәсіпорын ашылған.")
    got = reporters_of(text)
    assert got == {"1 250": "Мирас Сейітов", "430-ы": "Мирас Сейітов",
                   "320": "Мирас Сейітов", "12": None}


def test_interviewer_named_with_a_post_is_not_the_interviewee() -> None:
    """«… басшысы A «…» газетінің тілшісі B-ның сұрақтарына жауап берді»: the answers are A's,
    though B is the last person named with a post before the first question."""
    text = ("Аудандық жұмыспен қамту бөлімінің басшысы Бауыржан Тоқтаров «Жаркент таңы» "
            "газетінің тілшісі Айнұр Сейітқызының сұрақтарына жауап берді.\n\n"
            "– Өткен жыл қандай нәтиже берді?\n\n"
            "– Өткен жылы 2 100-ден астам адам жұмысқа орналасты.\n\n"
            "– Биылғы жоспарларыңыз қандай?\n\n"
            "– Биыл 1 800 адамды жұмыспен қамту жоспарланып отыр.\n\n"
            "Айта кетейік, ауданда 5 ірі нысан іске қосылған.")
    assert reporters_of(text) == {"2 100-ден астам": "Бауыржан Тоқтаров",
                                  "1 800": "Бауыржан Тоқтаров", "5": None}


def test_post_name_colon_quote_and_quote_over_two_paragraphs() -> None:
    """«Филиал төрағасы Name: «…»» is Name's; a quotation opened in one paragraph and closed
    in the next without reopening («… ¶ …», – дейді X) is X's as a whole."""
    text = ("Филиал төрағасы Серік Жүсіпов: «Биыл көмек алатын отбасылар санын 1 340-қа "
            "жеткіздік. Бұл – ортақ еңбектің нәтижесі».\n\n"
            "Перинаталдық орталықтың бас дәрігері Айгүл Сейітқазиева сөз алды.\n\n"
            "«Былтыр облыста 9 840 сәби дүниеге келді. Бұл – үлкен жетістік.\n\n"
            "Биыл орталыққа 12 инкубатор алынды», – дейді А.Сейітқазиева.")
    got = reporters_of(text)
    assert got == {"1 340-қа": "Серік Жүсіпов", "9 840": "Айгүл Сейітқазиева",
                   "12": "Айгүл Сейітқазиева"}


def test_caption_dash_lines_and_given_name_tag() -> None:
    """Every «– …» line after «Name, post:» is Name's; «– дейді Әлішер» names the one
    Әлішер of the article."""
    text = ("Нұрлан Сейітов, аудан әкімінің орынбасары:\n"
            "– Қазандықтың қуаты екі есе артты.\n"
            "– Бұрын ескі желіде әр қыс сайын 30-дан астам апат тіркелетін.\n"
            "Тілші: Жаңа қазандық толық автоматтандырылған.\n\n"
            "Жоба қатысушысы Әлішер Бекболатов Қарағанды қаласында тұрады.\n\n"
            "– Жалақым 145 мың теңге. Бригадамызда 14 жігіт бар, – дейді Әлішер.")
    got = reporters_of(text)
    assert got == {"екі есе": "Нұрлан Сейітов", "30-дан астам": "Нұрлан Сейітов",
                   "145 мың теңге": "Әлішер Бекболатов", "14": "Әлішер Бекболатов"}
