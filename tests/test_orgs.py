"""Organisations: head words in any case, name phrases, hierarchy, variants."""

from _helpers import orgs_of as orgs

from kg.extract.entities import extract_entities


def test_party_branch_and_party() -> None:
    text = ("«AMANAT» партиясы Ақтөбе облыстық филиалының төрағасының орынбасары "
            "Марат Есенов баяндама жасады.")
    assert orgs(text) == {
        "«AMANAT» партиясы Ақтөбе облыстық филиалы": "«AMANAT» партиясы",
        "«AMANAT» партиясы": None,
    }


def test_akimat_department_in_genitive_chain() -> None:
    text = "Жиынға Павлодар облысы әкімдігінің білім басқармасына қарасты мектептер қатысты."
    assert orgs(text) == {
        "Павлодар облысы әкімдігінің білім басқармасы": "Павлодар облысы әкімдігі",
        "Павлодар облысы әкімдігі": None,
    }


def test_company_and_fund_heads() -> None:
    text = ("«Қазақтелеком» АҚ-ның және «Samruk-Kazyna Trust» қорының өкілдері келді. "
            "«Ақ бидай» ЖШС-на жер берілді.")
    assert set(orgs(text)) == {"«Қазақтелеком» АҚ", "«Samruk-Kazyna Trust» қоры",
                               "«Ақ бидай» ЖШС"}


def test_committee_department_chain_and_abbreviation_variant() -> None:
    text = ("Жиынға ҚР Ішкі істер министрлігі Көші-қон қызметі комитетінің ШҚО бойынша "
            "департаменті қатысты. Кейін Көші-қон қызметі комитетінің Шығыс Қазақстан облысы "
            "бойынша департаменті есеп берді.")
    got = orgs(text)
    # the ministry in the nominative is a parent, not part of the committee's name;
    # the department keeps the committee's genitive and takes the fullest written form
    dept = "Көші-қон қызметі комитетінің Шығыс Қазақстан облысы бойынша департаменті"
    assert got == {
        dept: "Көші-қон қызметі комитеті",
        "Көші-қон қызметі комитеті": "ҚР Ішкі істер министрлігі",
        "ҚР Ішкі істер министрлігі": None,
    }


def test_vague_reference_resolves_or_is_dropped() -> None:
    assert orgs("Облыс әкімдігінің қаулысымен квота бекітілді.") == {}
    text = ("Түркістан облысы әкімдігінің баспасөз хабарламасы жарияланды. "
            "Облыс әкімдігінің қаулысымен квота бекітілді.")
    ents = extract_entities(text, [], [])
    assert [o.name for o in ents.organisations] == ["Түркістан облысы әкімдігі"]
    assert len(ents.organisations[0].mentions) == 2


def test_quoted_centre_is_organisation_not_project() -> None:
    text = "Қаладағы «Бақытты отбасы» әлеуметтік қолдау орталығында «Іскер ана» жобасы өтті."
    ents = extract_entities(text, [], [])
    assert [o.name for o in ents.organisations] == ["«Бақытты отбасы» әлеуметтік қолдау орталығы"]
    assert [p.name for p in ents.projects] == ["Іскер ана"]


def test_coordinated_list_of_departments() -> None:
    text = ("Отырысқа облыстық денсаулық сақтау басқармасы, облыстық білім басқармасы және "
            "Орал қаласы әкімдігінің өкілдері қатысты.")
    assert set(orgs(text)) == {"облыстық денсаулық сақтау басқармасы",
                               "облыстық білім басқармасы", "Орал қаласы әкімдігі"}


def test_nominative_ministry_is_parent_not_part_of_committee_name() -> None:
    text = ("ҚР Денсаулық сақтау министрлігі Санитариялық-эпидемиологиялық бақылау "
            "комитетінің Ақмола облысы бойынша департаменті тексеру жүргізді.")
    committee = "Санитариялық-эпидемиологиялық бақылау комитеті"
    assert orgs(text) == {
        "ҚР Денсаулық сақтау министрлігі": None,
        committee: "ҚР Денсаулық сақтау министрлігі",
        "Санитариялық-эпидемиологиялық бақылау комитетінің Ақмола облысы бойынша департаменті":
            committee,
    }


def test_public_council_attached_to_branch() -> None:
    text = ("«Respublica» партиясы Ақтөбе облыстық партия филиалы жанындағы Жастар саясаты "
            "жөніндегі қоғамдық кеңесінің отырысы өтті.")
    branch = "«Respublica» партиясы Ақтөбе облыстық филиалы"
    assert orgs(text) == {
        "«Respublica» партиясы": None,
        branch: "«Respublica» партиясы",
        "Жастар саясаты жөніндегі қоғамдық кеңес": branch,
    }


def test_council_attached_to_bare_reference() -> None:
    text = ("«Respublica» партиясы Ақтөбе облыстық филиалы акция өткізді. Филиал жанындағы "
            "Жастар саясаты жөніндегі қоғамдық кеңестің мүшелері қатысты.")
    got = orgs(text)
    assert got["Жастар саясаты жөніндегі қоғамдық кеңес"] == \
        "«Respublica» партиясы Ақтөбе облыстық филиалы"


def test_ngo_next_to_akimat_is_two_bodies() -> None:
    text = "«Болашақ» қоғамдық қоры Павлодар облысы әкімдігінің қолдауымен жоба бастады."
    assert orgs(text) == {"«Болашақ» қоғамдық қоры": None, "Павлодар облысы әкімдігі": None}


def test_internal_unit_drops_genitive_parent_from_name() -> None:
    text = ("Жиында облыстық білім басқармасының қаржы және есеп бөлімінің басшысы "
            "Әсел Нұрланова сөйледі.")
    assert orgs(text) == {"облыстық білім басқармасы": None,
                          "қаржы және есеп бөлімі": "облыстық білім басқармасы"}


def test_a_division_for_a_territory_keeps_its_parent_in_its_name() -> None:
    text = ("Салтанатқа Түркістан облысы білім басқармасының Мақтаарал ауданы бойынша білім "
            "бөлімінің басшысы Сапаров Нұрлыбек Әбдіұлы қатысты.")
    assert orgs(text)["Түркістан облысы білім басқармасының Мақтаарал ауданы бойынша білім "
                      "бөлімі"] == "Түркістан облысы білім басқармасы"


def test_abbreviated_region_takes_the_full_written_form() -> None:
    text = ("«AMANAT» партиясы СҚО филиалы жиын өткізді. Жиынды «AMANAT» партиясы Солтүстік "
            "Қазақстан облыстық филиалының төрағасы ашты.")
    assert orgs(text) == {"«AMANAT» партиясы Солтүстік Қазақстан облыстық филиалы":
                          "«AMANAT» партиясы", "«AMANAT» партиясы": None}


def test_departments_get_the_akimat_the_article_names() -> None:
    text = ("Ақтөбе облысы әкімдігінің отырысы өтті. Облыстық мәдениет басқармасы есеп берді. "
            "Екібастұз қаласы білім бөлімі де қатысты.")
    got = orgs(text)
    assert got["Облыстық мәдениет басқармасы"] == "Ақтөбе облысы әкімдігі"
    assert got["Екібастұз қаласы білім бөлімі"] is None  # its city's akimat is not named
    assert orgs("Облыстық мәдениет басқармасы есеп берді. Ақтөбеде жиын өтті.") == {
        "Облыстық мәдениет басқармасы": None}


def test_city_department_and_city_akimat() -> None:
    text = ("Екібастұз қаласы әкімдігінің мәліметінше, мектеп салынды. Екібастұз қаласы "
            "білім бөлімі тексеру жүргізді.")
    assert orgs(text)["Екібастұз қаласы білім бөлімі"] == "Екібастұз қаласы әкімдігі"


def test_unnamed_regional_akimat_from_the_article_region() -> None:
    text = ("Ақтөбе облысында жаңа жоба басталды. Облыс әкімдігінің қаулысымен 40 адам "
            "жұмысқа алынды.")
    assert orgs(text) == {"Ақтөбе облысы әкімдігі": None}


def test_descriptive_bodies_with_adjective_and_bare_head() -> None:
    text = ("Облыстық онкологиялық орталықтың дәрігерлері мен облыстық ардагерлер кеңесі "
            "кездесті. Медициналық орталықта жөндеу жүріп жатыр.")
    assert set(orgs(text)) == {"Облыстық онкологиялық орталық", "облыстық ардагерлер кеңесі"}


def test_sentence_initial_words_of_a_name_and_subjects_outside_it() -> None:
    assert set(orgs("Жастар саясаты жөніндегі қоғамдық кеңес отырысы өтті.")) == {
        "Жастар саясаты жөніндегі қоғамдық кеңес"}
    assert set(orgs("Елбасы Қазақстан халқы ассамблеясының сессиясында сөйледі.")) == {
        "Қазақстан халқы ассамблеясы"}
    assert set(orgs("Екі қоғамдық кеңесті біріктіру ұсынылды.")) == set()


def test_media_outlet_in_a_photo_credit() -> None:
    assert set(orgs("Суретті түсірген – Асқар Бекқалиев, «Жас Алаш»")) == {"«Жас Алаш»"}


def test_official_names_with_country_locative_and_against() -> None:
    text = ("Қазақстан Республикасы Ауыл шаруашылығы министрлігінде кеңес өтті. Ауыл "
            "шаруашылығы министрлігі Агроөнеркәсіптік кешендегі мемлекеттік инспекция "
            "комитетінің төрағасы Мұрат Әлжанов сөйледі. Жамбыл облысы полиция департаментінің "
            "киберқылмысқа қарсы іс-қимыл басқармасы хабарлады.")
    assert orgs(text) == {
        "Қазақстан Республикасы Ауыл шаруашылығы министрлігі": None,
        "Агроөнеркәсіптік кешендегі мемлекеттік инспекция комитеті":
            "Қазақстан Республикасы Ауыл шаруашылығы министрлігі",
        "Жамбыл облысы полиция департаментінің киберқылмысқа қарсы іс-қимыл басқармасы":
            "Жамбыл облысы полиция департаменті",
        "Жамбыл облысы полиция департаменті": None,
    }


def test_dash_measure_and_new_heads() -> None:
    text = ("Мердігер – «Жезқазған Құрылыс Сервис» ЖШС. 280 орындық «Айгөлек» "
            "бөбекжай-бақшасы ашылды. ҚР Парламенті Мәжілісінің депутаты, Мәжілістегі «AMANAT» "
            "партиясы фракциясының мүшесі Берік Әлжанов келді. «Береке-агро» шаруа "
            "қожалығының басшысы сөйледі. Толық ақпаратты қор филиалынан алуға болады.")
    assert orgs(text) == {
        "«Жезқазған Құрылыс Сервис» ЖШС": None,
        "«Айгөлек» бөбекжай-бақшасы": None,
        "ҚР Парламенті Мәжілісі": None,
        "«AMANAT» партиясы фракциясы": "«AMANAT» партиясы",
        "«AMANAT» партиясы": None,
        "«Береке-агро» шаруа қожалығы": None,
    }


def test_unit_of_a_body_named_by_an_anaphor() -> None:
    """«Комитеттің …», «Министрліктің …»: the body named before is the parent; a unit of a
    committee or department is named through it, a ministry's department is not."""
    text = ("Ауыл шаруашылығы министрлігінде жиын өтті. Министрліктің Егіншілік "
            "департаментінің директоры Талғат Оразбаев сөйледі. Агроөнеркәсіптік кешендегі "
            "мемлекеттік инспекция комитетінің төрағасы Мұрат Әлжанов келді. Комитеттің Қостанай облыстық аумақтық "
            "инспекциясының басшысы Ғалия Нұрпейісова баяндады.")
    assert orgs(text) == {
        "Ауыл шаруашылығы министрлігі": None,
        "Егіншілік департаменті": "Ауыл шаруашылығы министрлігі",
        "Агроөнеркәсіптік кешендегі мемлекеттік инспекция комитеті": None,
        "Агроөнеркәсіптік кешендегі мемлекеттік инспекция комитетінің Қостанай облыстық "
        "аумақтық инспекциясы": "Агроөнеркәсіптік кешендегі мемлекеттік инспекция комитеті",
    }


def test_agency_dateline_names_an_outlet() -> None:
    text = ("ҚЫЗЫЛОРДА. KAZINFORM – Облыс әкімі Нұрлыбек Нәлібаев 5 мектеп ашты. Бұған дейін "
            "Kazinform бұл туралы хабарлаған.")
    ents = extract_entities(text, [], [])
    [outlet] = [o for o in ents.organisations if o.name == "Kazinform"]
    assert len(outlet.mentions) == 2


def test_branch_of_a_company_keeps_the_company_in_its_name() -> None:
    text = ("«Қазақтелеком» АҚ Ақмола облыстық филиалының директоры келді. «Ақ бидай» ЖШС "
            "облыстық ауруханасына жабдық берді.")
    got = orgs(text)
    assert got["«Қазақтелеком» АҚ Ақмола облыстық филиалы"] == "«Қазақтелеком» АҚ"
    assert got["«Ақ бидай» ЖШС"] is None


def test_no_org_from_a_project_name_a_superlative_or_across_a_speaker_label() -> None:
    text = ("Тілші: Былтыр Атырау облысы денсаулық сақтау басқармасына 600-ге жуық шағым түсті. "
            "Бұл – облыстағы ең ірі емдеу мекемесі. Ол «Аналар мектебі» жобасы туралы айтты.")
    assert orgs(text) == {"Атырау облысы денсаулық сақтау басқармасы": None}


def test_department_name_listing_its_domains_with_a_comma() -> None:
    text = ("Сайрам ауданы тұрғын үй-коммуналдық шаруашылығы, жолаушылар көлігі және автомобиль "
            "жолдары бөлімінің басшысы Нұрлан Серікбаев сөйледі. Шара соңында мердігер «Сайрам "
            "Құрылыс Инвест» ЖШС ұжымына алғыс айтылды.")
    assert orgs(text) == {
        "Сайрам ауданы тұрғын үй-коммуналдық шаруашылығы, жолаушылар көлігі және автомобиль "
        "жолдары бөлімі": None,
        "«Сайрам Құрылыс Инвест» ЖШС": None,
    }


def test_town_centre_housing_and_residents_are_not_part_of_a_body() -> None:
    text = ("Бүгін сағат 11:00-де Ақтөбе облысы әкімдігінде брифинг өтті. Қарыздың шекті мөлшері "
            "облыс орталығында 25 млн теңге. Жергілікті атқарушы органның несиелік тұрғын үйін "
            "сатып алуға өтініш қабылданды. Көңілі толмаған тұрғындар аудан әкімдігіне хабарласа "
            "алады.")
    assert list(orgs(text)) == ["Ақтөбе облысы әкімдігі"]


def test_school_named_in_full_then_by_its_common_noun() -> None:
    text = ("Қараағаш жалпы білім беретін мектебі 1965 жылы ашылған. Мектептің информатика "
            "пәнінің мұғалімі Ерлан Төлеубаев – осы ауылдың түлегі. «Жаңа кабинет ашылды», – "
            "дейді мектеп директоры Гүлнар Сейітова.")
    ents = extract_entities(text, [], [])
    assert [o.name for o in ents.organisations] == ["Қараағаш жалпы білім беретін мектебі"]
    assert {(p.position, ents.name_of(p.organisation_key)) for p in ents.posts} == {
        ("информатика пәнінің мұғалімі", "Қараағаш жалпы білім беретін мектебі"),
        ("директоры", "Қараағаш жалпы білім беретін мектебі"),
    }


def test_quoted_name_with_legal_form_after_it() -> None:
    text = ("Брифингте «Қызылорда облыстық онкологиялық орталығы» ШЖҚ МКК директоры "
            "Гүлнар Сейітова сөз алды.")
    assert "«Қызылорда облыстық онкологиялық орталығы» ШЖҚ МКК" in orgs(text)


def test_company_department_keeps_its_company() -> None:
    text = ("– деді «Маңғыстаумұнайгаз» АҚ персоналды басқару департаментінің директоры "
            "Айнұр Сисенова.")
    assert orgs(text) == {
        "«Маңғыстаумұнайгаз» АҚ персоналды басқару департаменті": "«Маңғыстаумұнайгаз» АҚ",
        "«Маңғыстаумұнайгаз» АҚ": None,
    }


def test_communications_service_and_hyphenated_head() -> None:
    text = ("Ақтау, 5 желтоқсан. Өңірлік коммуникациялар қызметінде брифинг өтті. "
            "«Әзірет Сұлтан» мемлекеттік тарихи-мәдени қорық-музейінің директоры Бақыт Ілиясов "
            "сөйледі. Ол бұл қызметінде он жыл жұмыс істеді.")
    assert set(orgs(text)) == {"Өңірлік коммуникациялар қызметі",
                               "«Әзірет Сұлтан» мемлекеттік тарихи-мәдени қорық-музейі"}


def test_model_span_sets_the_start_but_keeps_parents_and_stops_at_a_dash() -> None:
    from kg.normalise.morph import tokenize
    from kg.normalise.orgs import find_orgs

    text = "Кеше саяси кеңес бюросының отырысы өтті."
    toks = tokenize(text)  # where the model's span starts, the name starts
    assert [h.name for h in find_orgs(text, toks)] == ["саяси кеңес бюросы"]
    assert [h.name for h in find_orgs(text, toks, set(), {toks[3][2]: toks[2][1]})] == [
        "кеңес бюросы"]
    # a span that starts inside the rules' parent chain leaves the parent in place
    text = "Көлік министрлігі Автомобиль жолдары комитетінің өкілі келді."
    toks = tokenize(text)
    hits = find_orgs(text, toks, set(), {toks[4][2]: toks[2][1]})
    assert [(h.name, h.parent and h.parent.name) for h in hits] == [
        ("Автомобиль жолдары комитеті", "Көлік министрлігі")]
    # a span reaching back over a dash is not taken: «ҚазАқпарат – Облыс әкімдігі»
    text = "ҚЫЗЫЛОРДА. ҚазАқпарат – Облыс денсаулық сақтау басқармасы хабарлады."
    toks = tokenize(text)
    head = next(k for k, t in enumerate(toks) if t[0] == "басқармасы")
    hits = find_orgs(text, toks, set(), {toks[head][2]: toks[2][1]})
    assert all("–" not in h.name for h in hits)


def test_a_board_chair_of_a_company_and_a_district_department_named_with_its_district() -> None:
    from kg.extract.entities import extract_entities

    ents = extract_entities("«Батыс Энерго» АҚ басқарма төрағасының орынбасары Ерік Мұратов "
                            "айтты.", [], [])
    assert [(p.position, ents.name_of(p.organisation_key)) for p in ents.posts] == [
        ("басқарма төрағасының орынбасары", "«Батыс Энерго» АҚ")]
    # a model span that leaves out the district before the name does not cut it off
    from kg.normalise.morph import tokenize
    from kg.normalise.orgs import find_orgs

    text = "Аягөз ауданының тұрғын үй-коммуналдық шаруашылығы бөлімінің басшысы сөйледі."
    toks = tokenize(text)
    head = next(k for k, t in enumerate(toks) if t[0] == "бөлімінің")
    hits = find_orgs(text, toks, set(), {toks[head][2]: toks[2][1]})
    assert [h.name for h in hits] == ["Аягөз ауданының тұрғын үй-коммуналдық шаруашылығы бөлімі"]


def test_issue_11_boundaries_a_field_a_date_and_a_list_before_the_name() -> None:
    text = ("Еңбек және халықты әлеуметтік қорғау министрлігі Халықты әлеуметтік қорғау "
            "саласындағы реттеу және бақылау комитетінің Павлодар облысы бойынша департаменті "
            "тексеру жүргізді.")
    got = orgs(text)
    committee = "Халықты әлеуметтік қорғау саласындағы реттеу және бақылау комитеті"
    assert got[committee] == "Еңбек және халықты әлеуметтік қорғау министрлігі"
    department = ("Халықты әлеуметтік қорғау саласындағы реттеу және бақылау комитетінің "
                  "Павлодар облысы бойынша департаменті")
    assert got[department] == committee
    from kg.normalise.morph import tokenize
    from kg.normalise.orgs import find_orgs

    text = "Өткен сейсенбісі күні ауданымыздың орталық кітапханасында кездесу өтті."
    assert [h.name for h in find_orgs(text, tokenize(text))] == ["орталық кітапханасы"]
    assert set(orgs("Бүгін мәслихат депутаттары, бастауыш партия ұйымдары және «Жастар Рухы» "
                    "жастар қанаты жиналды.")) == {"«Жастар Рухы» жастар қанаты"}
    # a list of domains is still one name
    assert set(orgs("Жиынға Ауыл шаруашылығы, жер қатынастары және ветеринария бөлімінің "
                    "басшысы келді.")) == {"Ауыл шаруашылығы, жер қатынастары және ветеринария бөлімі"}


def test_a_complex_in_a_name_is_not_a_day_word() -> None:
    from kg.normalise.morph import tokenize
    from kg.normalise.orgs import find_orgs

    text = "Жиынға облыстық агроөнеркәсіптік кешенді дамыту басқармасының басшысы келді."
    assert [h.name for h in find_orgs(text, tokenize(text))] == [
        "облыстық агроөнеркәсіптік кешенді дамыту басқармасы"]


def test_two_legal_forms_after_a_quoted_name_without_a_head() -> None:
    text = "Бұл шығынды азайтады, – дейді «Жезқазған Су Арнасы» ШЖҚ МКК директоры."
    assert orgs(text) == {"«Жезқазған Су Арнасы» ШЖҚ МКК": None}


def test_an_object_before_a_ministry_is_not_part_of_its_name() -> None:
    text = ("Жұмыстардың сапасын Көлік министрлігі Автомобиль жолдары комитетінің Қостанай "
            "облысы бойынша департаменті бақылайды.")
    got = orgs(text)
    assert got["Автомобиль жолдары комитеті"] == "Көлік министрлігі"
    assert not any(n.startswith("сапасын") for n in got)


def test_a_fund_named_before_and_its_branch_with_a_model_span() -> None:
    from kg.model import Mention

    text = ("Бүгін «Әлеуметтік медициналық сақтандыру қоры» КЕАҚ Шымкент қалалық филиалы жиын "
            "өткізді. Қордың Шымкент қалалық филиалының директоры Әлімқұлов Ғани Серікұлы айтты.")
    a = text.index("Қордың")
    b = text.index("филиалының", a) + len("филиалының")
    ents = extract_entities(text, [], [Mention(a, b, text[a:b], "ORGANISATION", "ner")])
    branch = "«Әлеуметтік медициналық сақтандыру қоры» КЕАҚ Шымкент қалалық филиалы"
    assert {o.name for o in ents.organisations} == {branch,
                                                   "«Әлеуметтік медициналық сақтандыру қоры» КЕАҚ"}
    (post,) = ents.posts
    assert ents.name_of(post.organisation_key) == branch


def test_a_centre_named_later_with_its_legal_form_is_one_organisation() -> None:
    text = ("Оған аудан әкімдігінің және жұмыспен қамту орталығының өкілдері қатысты. Бос "
            "орындар көп, – деді «Ақмола облысының жұмыспен қамту орталығы» КММ директоры "
            "Гүлмира Әбенова.")
    assert "жұмыспен қамту орталығы" not in orgs(text)
    assert "«Ақмола облысының жұмыспен қамту орталығы» КММ" in orgs(text)


def test_an_akim_s_akimat_whether_or_not_the_text_speaks_of_it() -> None:
    named = ("Брифингке аудан әкімдігінің өкілдері қатысты. Зеренді ауданының әкімі Ерлан "
             "Сыздықов 6 кәсіпорын ашылғанын айтты.")
    assert "Зеренді ауданы әкімдігі" in orgs(named)
    # issue 11: the district akim implies the district akimat, whatever else is spoken of
    other = ("Облыс әкімдігінде жиын өтті. Сырдария ауданының әкімі Ерлан Сыздықов 6 кәсіпорын "
             "ашылғанын айтты.")
    assert "Сырдария ауданы әкімдігі" in orgs(other)


def test_a_volunteer_of_a_youth_wing_holds_a_post_in_it() -> None:
    text = "«Jas Otan» жастар қанатының еріктісі Дәурен Ахметов көмірді жеткізді."
    ents = extract_entities(text, [], [])
    assert [(p.position, ents.name_of(p.organisation_key)) for p in ents.posts] == [
        ("еріктісі", "«Jas Otan» жастар қанаты")]


def test_a_hospital_pediatrician_holds_a_post_in_it() -> None:
    text = "Солардың бірі – «Бурабай аудандық ауруханасы» ШЖҚ МКК педиатры Айым Серікқызы."
    ents = extract_entities(text, [], [])
    assert [(p.position, ents.name_of(p.organisation_key)) for p in ents.posts] == [
        ("педиатры", "«Бурабай аудандық ауруханасы» ШЖҚ МКК")]


def test_two_branches_of_one_party_stay_two() -> None:
    text = ("«AMANAT» партиясы Байзақ аудандық филиалының қабылдауында кездесу өтті. Бұл туралы "
            "«AMANAT» партиясы Жамбыл облыстық филиалының баспасөз қызметі хабарлады.")
    assert set(orgs(text)) == {"«AMANAT» партиясы", "«AMANAT» партиясы Байзақ аудандық филиалы",
                               "«AMANAT» партиясы Жамбыл облыстық филиалы"}


def test_a_city_branch_named_through_the_party_is_part_of_the_oblast_branch() -> None:
    text = ("Бейсенбі күні партияның Текелі қалалық филиалында өткен кездесуге «AMANAT» партиясы "
            "Жетісу облыстық филиалының атқарушы хатшысы Жандарбек Құлжанов қатысты.")
    got = orgs(text)
    assert got["«AMANAT» партиясы Текелі қалалық филиалы"] == \
        "«AMANAT» партиясы Жетісу облыстық филиалы"
    assert got["«AMANAT» партиясы Жетісу облыстық филиалы"] == "«AMANAT» партиясы"


def test_a_party_in_the_genitive_before_its_branch_is_named_in_the_nominative() -> None:
    got = orgs("«AMANAT» партиясының Наурызбай аудандық филиалы жиын өткізді.")
    assert got == {"«AMANAT» партиясы Наурызбай аудандық филиалы": "«AMANAT» партиясы",
                   "«AMANAT» партиясы": None}


def test_a_branch_s_public_council_without_a_name_of_its_own() -> None:
    text = ("Кездесуде «AMANAT» партиясы Жетісу облыстық филиалы жанындағы қоғамдық кеңестің "
            "төрағасы Бибігүл Нұрмаханова сөз алды. Филиал жанындағы қоғамдық кеңестердің "
            "жұмысы талқыланды.")
    ents = extract_entities(text, [], [])
    council = "«AMANAT» партиясы Жетісу облыстық филиалы жанындағы қоғамдық кеңес"
    assert {o.name: ents.name_of(o.parent_key) for o in ents.organisations}[council] == \
        "«AMANAT» партиясы Жетісу облыстық филиалы"
    assert [ents.name_of(p.organisation_key) for p in ents.posts] == [council]


def test_a_prosecutor_s_office_and_its_region_s() -> None:
    text = ("Балқаш қаласының прокуратурасы жұмыс қорытындысын шығарды. Балқаш қаласының "
            "прокуроры Әділет Қуанышбаев сөйледі. Қала прокурорының аға көмекшісі Мәдина "
            "Ерболқызы тарифтерге тоқталды. Қарағанды облысы прокуратурасының баспасөз қызметі.")
    ents = extract_entities(text, [], [])
    office = "Балқаш қаласының прокуратурасы"
    assert {o.name: ents.name_of(o.parent_key) for o in ents.organisations}[office] == \
        "Қарағанды облысы прокуратурасы"
    assert [(p.position, ents.name_of(p.organisation_key)) for p in ents.posts] == [
        ("прокуроры", office), ("прокурорының аға көмекшісі", office)]


def test_a_university_named_after_a_person_and_a_list_of_kinds_of_body() -> None:
    text = "Серік Ибраев – Қорқыт Ата атындағы Қызылорда университетінің аға ғылыми қызметкері."
    ents = extract_entities(text, [], [])
    assert [(p.position, ents.name_of(p.organisation_key)) for p in ents.posts] == [
        ("аға ғылыми қызметкері", "Қорқыт Ата атындағы Қызылорда университеті")]
    assert orgs("Брифингке прокуратура, сот, еңбек инспекциясы және коммуналдық кәсіпорын "
                "өкілдері қатысты.") == {}


def test_a_long_post_with_modifiers_before_the_name() -> None:
    text = ("Қарағанды облысының мемлекеттік еңбек инспекциясы басқармасының бас мемлекеттік "
            "еңбек инспекторы Ерлан Жүсіпов сөйледі.")
    ents = extract_entities(text, [], [])
    assert [(p.position, ents.name_of(p.organisation_key)) for p in ents.posts] == [
        ("бас мемлекеттік еңбек инспекторы",
         "Қарағанды облысының мемлекеттік еңбек инспекциясы басқармасы")]


def test_the_head_of_a_unit_inside_a_body_holds_a_post_in_the_body() -> None:
    text = ("Атырау облысы әкімдігінің құрылыс басқармасының тұрғын үй бағдарламалары бөлімінің "
            "меңгерушісі Сырым Қуанышев сөйледі. Бұл шешімді «Аягөз аудандық көпбейінді "
            "ауруханасы» ШЖҚ МКК қабылдады, – дейді аурухананың хирургия бөлімшесінің "
            "меңгерушісі Ғалым Жақыпов.")
    ents = extract_entities(text, [], [])
    assert [(p.position, ents.name_of(p.organisation_key)) for p in ents.posts] == [
        ("тұрғын үй бағдарламалары бөлімінің меңгерушісі",
         "Атырау облысы әкімдігінің құрылыс басқармасы"),
        ("хирургия бөлімшесінің меңгерушісі", "«Аягөз аудандық көпбейінді ауруханасы» ШЖҚ МКК")]
    assert "тұрғын үй бағдарламалары бөлімі" not in {o.name for o in ents.organisations}
    # a unit's «басшысы» is a department's head: the unit stays an organisation
    got = orgs("Облыстық денсаулық сақтау басқармасының медициналық көмек көрсету бөлімінің "
               "басшысы Айгүл Серікова сөйледі.")
    assert "медициналық көмек көрсету бөлімі" in got


def test_a_post_after_the_name_points_at_both() -> None:
    text = "Серік Ибраев – Қорқыт Ата атындағы Қызылорда университетінің аға ғылыми қызметкері."
    (post,) = extract_entities(text, [], []).posts
    assert post.mention is not None and post.mention.start < post.mention.end
    assert text[post.mention.start:post.mention.end].startswith("Серік Ибраев")


def test_district_branch_named_through_the_oblast_branch() -> None:
    """«"AMANAT" партиясы Жамбыл облыстық филиалының Қордай аудандық филиалы»: the district
    branch, named with the party, under the oblast branch, under the party."""
    from kg.extract.entities import extract_entities

    text = ("«AMANAT» партиясы Жамбыл облыстық филиалының Қордай аудандық филиалында депутат "
            "Алмас Тұрғанбеков азаматтарды қабылдады.")
    ents = extract_entities(text, [], [])
    name = {o.key: o.name for o in ents.organisations}
    assert {(o.name, name.get(o.parent_key or "")) for o in ents.organisations} == {
        ("«AMANAT» партиясы Қордай аудандық филиалы", "«AMANAT» партиясы Жамбыл облыстық филиалы"),
        ("«AMANAT» партиясы Жамбыл облыстық филиалы", "«AMANAT» партиясы"),
        ("«AMANAT» партиясы", None)}


def test_name_boundaries_stop_at_a_bare_post_a_person_and_a_possessive_noun() -> None:
    """«вице-министр арнаулы … орталығын», «Арман Сәрсенов қалалық әкімдікте», «Оның өтініші
    аудандық … комиссиясына»; «тегін заң кеңесі» is advice, not a council."""
    from kg.extract.entities import extract_entities

    cases = {
        "Сапар барысында вице-министр арнаулы әлеуметтік қызметтер көрсету орталығын аралады.":
            ["арнаулы әлеуметтік қызметтер көрсету орталығы"],
        "Бұл туралы Екібастұз қаласы әкімінің орынбасары Арман Сәрсенов қалалық әкімдікте "
        "өткен кеңесте мәлімдеді.": ["Екібастұз қаласы әкімдігі"],
        "Оның өтініші аудандық тұрғын үй комиссиясына жолданды. Тағы 5 азаматқа тегін заң "
        "кеңесі берілді.": ["аудандық тұрғын үй комиссиясы"],
    }
    for text, want in cases.items():
        got = [o.name for o in extract_entities(text, [], []).organisations]
        assert got == want, text


def test_an_akims_office_is_named_through_its_place() -> None:
    text = ("Сапар барысында вице-министр арнаулы әлеуметтік қызметтер көрсету орталығын, "
            "Төле би ауылдық округі әкімінің аппаратын және бірнеше кәсіпорынды аралады. "
            "Бүгін Сарыөзек кенті әкімі аппаратының басшысы Марат Есенов жиын өткізді.")
    got = orgs(text)
    assert "Төле би ауылдық округі әкімінің аппараты" in got
    assert "Сарыөзек кенті әкімі аппараты" in got
    assert not any(n.startswith("Бүгін") or n == "аппараты" for n in got)
    ents = extract_entities(text, [], [])
    posts = {(p.position, ents.name_of(p.organisation_key)) for p in ents.posts}
    assert ("басшысы", "Сарыөзек кенті әкімі аппараты") in posts
    # without a named place the office is a vague reference, not an organisation
    assert "аппараты" not in orgs("Аудан әкімінің аппаратында кездесу өтті.")


def test_an_oblast_before_a_district_akimat_only_locates_it() -> None:
    text = ("Бұл туралы Ақтөбе облысы Шалқар ауданы әкімдігінің ауыл шаруашылығы және "
            "ветеринария бөлімінің басшысы Талғат Жұмабеков айтты.")
    assert orgs(text) == {
        "Шалқар ауданы әкімдігінің ауыл шаруашылығы және ветеринария бөлімі":
            "Шалқар ауданы әкімдігі",
        "Шалқар ауданы әкімдігі": None,
    }


def test_a_bare_district_akimat_is_the_articles_one_district() -> None:
    text = ("Кездесуге Қарабалық ауданы әкімінің бірінші орынбасары Виктор Литвиненко пен аудан "
            "әкімдігінің ауыл шаруашылығы бөлімінің басшысы Қанат Әбдуов қатысты.")
    got = orgs(text)
    assert got["Қарабалық ауданы әкімдігінің ауыл шаруашылығы бөлімі"] == "Қарабалық ауданы әкімдігі"
    ents = extract_entities(text, [], [])
    posts = {(p.position, ents.name_of(p.organisation_key)) for p in ents.posts}
    assert ("басшысы", "Қарабалық ауданы әкімдігінің ауыл шаруашылығы бөлімі") in posts
    # two districts: «аудан» names neither
    two = orgs("Қарабалық ауданы мен Ұзынкөл ауданы әкімдерінің кездесуінде аудан әкімдігінің "
               "ауыл шаруашылығы бөлімінің басшысы Қанат Әбдуов сөйледі.")
    assert not any("ауыл шаруашылығы бөлімі" in n for n in two)


def test_a_bare_branch_with_a_territorial_adjective_is_that_branch() -> None:
    text = ("«AMANAT» партиясы Түркістан облыстық филиалының Кентау қалалық филиалында жиын өтті. "
            "Жиынға облыстық филиал төрағасының бірінші орынбасары Бақытжан Жұмабаев, қалалық "
            "филиалдың атқарушы хатшысы Ерболат Сыздықов қатысты.")
    ents = extract_entities(text, [], [])
    posts = {(ents.name_of(p.person_key), ents.name_of(p.organisation_key)) for p in ents.posts}
    assert posts == {("Бақытжан Жұмабаев", "«AMANAT» партиясы Түркістан облыстық филиалы"),
                     ("Ерболат Сыздықов", "«AMANAT» партиясы Кентау қалалық филиалы")}


def test_a_bare_institution_noun_is_the_articles_one_quoted_body_of_that_kind() -> None:
    text = ("Жаңа ғимаратқа «№45 жалпы білім беретін мектеп» КММ көшірілді. Мектеп директоры "
            "Гүлнар Өтегенова оқу орнында 86 мұғалім жұмыс істейтінін жеткізді.")
    ents = extract_entities(text, [], [])
    posts = {(p.position, ents.name_of(p.organisation_key)) for p in ents.posts}
    assert posts == {("директоры", "«№45 жалпы білім беретін мектеп» КММ")}


def test_a_body_in_a_city_and_the_citys_body_are_one() -> None:
    text = ("Сапар барысында ол Сәтбаев қаласындағы жұмыспен қамту орталығында болды. Бірінші "
            "вице-министр «Сәтбаев қалалық жұмыспен қамту орталығы» КММ-нің жұмысымен танысты.")
    assert orgs(text) == {"«Сәтбаев қалалық жұмыспен қамту орталығы» КММ": None}
