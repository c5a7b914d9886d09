"""Organisations: head words in any case, name phrases, hierarchy, variants."""

from kg.extract.entities import extract_entities


def orgs(text: str) -> dict[str, str | None]:
    ents = extract_entities(text, [], [])
    return {o.name: ents.name_of(o.parent_key) for o in ents.organisations}


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
    dept = ("ҚР Ішкі істер министрлігі Көші-қон қызметі комитетінің ШҚО бойынша департаменті")
    assert got[dept] == "ҚР Ішкі істер министрлігі Көші-қон қызметі комитеті"
    assert got["ҚР Ішкі істер министрлігі Көші-қон қызметі комитеті"] == \
        "ҚР Ішкі істер министрлігі"
    assert len(got) == 3


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
