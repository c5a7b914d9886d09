"""kg.map.to_graph on hand-built extractions (kg.map.samples)."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from kg import iri
from kg.map import to_graph
from kg.map.samples import ASANOV, BRANCH, PARTY, sample_extractions
from kg.model import Article, Extraction, Figure, Organisation, Person, Post, Sentence
from kg.vocab import DEREK, NIF, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

BASE = "https://derek.kz/"


def graphs() -> tuple[Graph, Graph]:
    a1, a2 = sample_extractions()
    return to_graph(a1, base=BASE), to_graph(a2, base=BASE)


def test_two_articles_sharing_a_person_give_one_node() -> None:
    g1, g2 = graphs()
    union = g1 + g2
    people = set(union.subjects(RDF.type, SCHEMA.Person))
    assert people == {iri.person("zhenis-asanov", BASE)}
    person = people.pop()
    assert set(union.objects(person, DEREK.mentionedIn)) == {
        iri.article("a1", BASE), iri.article("a2", BASE)}
    assert list(union.objects(person, RDFS.label)) == [Literal(ASANOV, lang="kk")]
    assert union.value(person, SKOS.altLabel) == Literal("Jeñıs Asanov", lang="kk-Latn")


def test_figure_links_to_reporter_sentence_and_project() -> None:
    g1, _ = graphs()
    fig = iri.figure("a1", 143, 152, BASE)
    assert (fig, RDF.type, DEREK.Figure) in g1
    assert g1.value(fig, DEREK.value) == Literal("369", datatype=XSD.decimal)
    assert g1.value(fig, DEREK.unit) == Literal("нысан")
    assert g1.value(fig, DEREK.qualifier) == Literal("exact")
    assert g1.value(fig, DEREK.figureText) == Literal("369 нысан")
    assert g1.value(fig, NIF.anchorOf) == Literal("369 нысан")
    assert g1.value(fig, NIF.beginIndex) == Literal(143, datatype=XSD.integer)
    reporter = iri.person("zhenis-asanov", BASE)
    assert g1.value(fig, DEREK.reportedBy) == reporter
    assert g1.value(fig, PROV.wasAttributedTo) == reporter
    assert g1.value(fig, DEREK.aboutProject) == iri.project("kedergisiz-keleshek", BASE)
    sentence = g1.value(fig, DEREK.inSentence)
    assert str(g1.value(sentence, NIF.anchorOf)).startswith("«Жоба аясында 369 нысан")
    assert g1.value(fig, PROV.wasDerivedFrom) == iri.article("a1", BASE)


def test_figure_without_reporter_has_none() -> None:
    g1, _ = graphs()
    fig = iri.figure("a1", 221, 235, BASE)
    assert g1.value(fig, DEREK.value) == Literal("92500000", datatype=XSD.decimal)
    assert g1.value(fig, DEREK.reportedBy) is None
    assert g1.value(fig, DEREK.qudtUnit) == URIRef("http://qudt.org/vocab/unit/CCY_KZT")


def test_article_node_and_text() -> None:
    g1, g2 = graphs()
    art = iri.article("a1", BASE)
    assert g1.value(art, DEREK.articleId) == Literal("a1")
    assert g1.value(art, SCHEMA.url) == Literal("https://example.kz/news/1", datatype=XSD.anyURI)
    assert g1.value(art, SCHEMA.datePublished) == Literal("2022-03-01", datatype=XSD.date)
    assert g1.value(art, DEREK.source) == Literal("sqo.gov.kz")
    ctx = g1.value(art, DEREK.hasText)
    assert (ctx, RDF.type, NIF.Context) in g1
    assert str(g1.value(ctx, NIF.isString)).startswith(BRANCH)
    # only sentences with figures are written
    assert len(set(g1.subjects(RDF.type, NIF.Sentence))) == 2
    assert g2.value(iri.article("a2", BASE), SCHEMA.headline) is None


def test_posts_and_organisations() -> None:
    g1, _ = graphs()
    person = iri.person("zhenis-asanov", BASE)
    post = g1.value(person, ORG.holds)
    assert g1.value(post, ORG.heldBy) == person
    assert g1.value(post, DEREK.postTitle) == Literal("атқарушы хатшысы", lang="kk")
    assert g1.value(post, ORG.postIn) == iri.organisation("amanat-sko-filialy", BASE)
    role = g1.value(post, ORG.role)
    assert (role, RDF.type, ORG.Role) in g1
    assert g1.value(role, SKOS.prefLabel) == Literal("атқарушы хатшысы", lang="kk")
    branch = iri.organisation("amanat-sko-filialy", BASE)
    parent = g1.value(branch, ORG.subOrganizationOf)
    assert g1.value(parent, RDFS.label) == Literal(PARTY, lang="kk")


def test_same_extraction_same_graph() -> None:
    a1, _ = sample_extractions()
    from rdflib.compare import isomorphic

    assert isomorphic(to_graph(a1, base=BASE), to_graph(a1, base=BASE))


def test_dangling_keys_are_not_linked() -> None:
    text = "Әкім 5 мектеп ашты."
    ex = Extraction(
        article=Article(id="d", text=text),
        sentences=[Sentence(start=0, end=len(text))],
        people=[Person(key="p", name="Асқар Әкімов")],
        organisations=[Organisation(key="o", name="Әкімдік", parent_key="missing")],
        posts=[Post(person_key="p", position="әкімі", organisation_key="nowhere"),
               Post(person_key="ghost", position="әкімі")],
        figures=[Figure(start=5, end=13, text="5 мектеп", value=Decimal(5), unit="мектеп",
                        reporter_key="ghost", project_key="none")],
    )
    g = to_graph(ex, base=BASE)
    assert g.value(iri.organisation("o", BASE), ORG.subOrganizationOf) is None
    assert len(set(g.subjects(RDF.type, ORG.Post))) == 1
    assert not list(g.triples((None, ORG.postIn, None)))
    fig = iri.figure("d", 5, 13, BASE)
    assert g.value(fig, DEREK.reportedBy) is None and g.value(fig, DEREK.aboutProject) is None


def test_post_in_a_place() -> None:
    from kg.model import Place

    text = "Алматы қаласының әкімі Бақытжан Сағынтаев."
    ex = Extraction(article=Article(id="p", text=text),
                    people=[Person(key="b-sagyntaev", name="Бақытжан Сағынтаев")],
                    places=[Place(key="almaty", name="Алматы қаласы")],
                    posts=[Post(person_key="b-sagyntaev", position="әкімі", organisation_key="almaty")])
    g = to_graph(ex, base=BASE)
    post = g.value(iri.person("b-sagyntaev", BASE), ORG.holds)
    assert g.value(post, ORG.postIn) == iri.place("almaty", BASE)


def test_base_parameter_changes_data_iris_only() -> None:
    a1, _ = sample_extractions()
    g = to_graph(a1, base="https://kg.example.kz/")
    subjects = {str(s) for s in g.subjects() if isinstance(s, URIRef)}
    assert all(s.startswith("https://kg.example.kz/id/") for s in subjects)
    assert (None, RDF.type, DEREK.Figure) in g


def test_odd_values_and_text() -> None:
    text = 'Тексеру: "1,5E+3" ҳ\n«x»'
    ex = Extraction(article=Article(id='id "with" «quotes»/slash', text=text),
                    figures=[Figure(start=10, end=16, value=Decimal("1.5E+3"), unit="x"),
                             Figure(start=0, end=2, value=Decimal("NaN"), unit="x")])
    g = to_graph(ex, base=BASE)
    values = list(g.objects(None, DEREK.value))
    assert values == [Literal("1500", datatype=XSD.decimal)]
    g2 = Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert len(g2) == len(g)
