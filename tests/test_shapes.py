"""Each SHACL shape: a fixture that conforms and one that does not (tests/data/shapes).

Every fixture is merged with ``common.ttl`` (a valid article, its text, a
sentence and a person), so a ``*-bad.ttl`` file isolates one violation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.map import to_graph
from kg.map.samples import sample_extractions
from kg.validate import ValidationResult, validate

DATA = Path(__file__).parent / "data" / "shapes"
A1 = "https://derek.kz/id/article/a1"


def check(name: str) -> ValidationResult:
    g = Graph()
    g.parse(DATA / "common.ttl", format="turtle")
    g.parse(DATA / name, format="turtle")
    return validate(g)


OK = sorted(p.name for p in DATA.glob("*-ok.ttl"))


@pytest.mark.parametrize("name", OK)
def test_conforming_fixture(name: str) -> None:
    result = check(name)
    assert result.conforms, "\n".join(result.messages)
    assert result.messages == []


# fixture → (focus node, path, constraint component) that must be reported
BAD: dict[str, tuple[str, str, str]] = {
    "article-bad.ttl": (A1, "derek:articleId", "MaxCountConstraintComponent"),
    "context-bad.ttl": (f"{A1}/text2", "nif:isString", "MinCountConstraintComponent"),
    "sentence-bad.ttl": (f"{A1}/sentence/9-3", "nif:beginIndex", "LessThanConstraintComponent"),
    "person-bad.ttl": ("https://derek.kz/id/person/b-saparbaev", "rdfs:label",
                       "MaxCountConstraintComponent"),
    "person-latin-bad.ttl": ("https://derek.kz/id/person/b-saparbaev", "",
                             "SPARQLConstraintComponent"),
    "organisation-bad.ttl": ("https://derek.kz/id/organisation/amanat", "rdfs:label",
                             "MinCountConstraintComponent"),
    "place-bad.ttl": ("https://derek.kz/id/place/sqo", "derek:mentionedIn",
                      "MinCountConstraintComponent"),
    "project-bad.ttl": ("https://derek.kz/id/project/kedergisiz-keleshek", "rdfs:label",
                        "DatatypeConstraintComponent"),
    "post-bad.ttl": (f"{A1}/post/x/hatshysy", "org:heldBy", "MinCountConstraintComponent"),
    "role-bad.ttl": ("https://derek.kz/id/role/akimi", "skos:prefLabel",
                     "MinCountConstraintComponent"),
    "figure-value-bad.ttl": (f"{A1}/figure/15-24", "derek:value", "DatatypeConstraintComponent"),
    "figure-qualifier-bad.ttl": (f"{A1}/figure/15-24", "derek:qualifier", "InConstraintComponent"),
    "figure-reporter-bad.ttl": (f"{A1}/figure/15-24", "derek:reportedBy",
                                "MaxCountConstraintComponent"),
    "figure-sentence-bad.ttl": (f"{A1}/figure/24-15", "derek:inSentence",
                                "MinCountConstraintComponent"),
    "figure-text-bad.ttl": (f"{A1}/quote/14-36", "", "ClassConstraintComponent"),
    "quote-bad.ttl": (f"{A1}/quote/14-36", "derek:quoteKind", "InConstraintComponent"),
}


def test_every_bad_fixture_is_listed() -> None:
    assert sorted(p.name for p in DATA.glob("*-bad.ttl")) == sorted(BAD)
    shapes_with_ok = {n.split("-")[0] for n in OK}
    assert shapes_with_ok == {n.split("-")[0] for n in BAD}


@pytest.mark.parametrize("name", sorted(BAD))
def test_non_conforming_fixture(name: str) -> None:
    focus, path, component = BAD[name]
    result = check(name)
    assert not result.conforms
    found = {(v.path, v.component) for v in result.about(focus)}
    assert (path, component) in found, "\n".join(result.messages)


def test_messages_name_the_problem() -> None:
    text = "\n".join(check("figure-qualifier-bad.ttl").messages)
    assert "exact, approximately, more_than, at_least, up_to" in text
    nested = "\n".join(check("person-latin-bad.ttl").messages)
    assert "@kk" in nested


def test_reporter_must_be_a_labelled_person() -> None:
    result = check("figure-reporter-bad.ttl")
    components = {v.component for v in result.about(f"{A1}/figure/15-24")}
    assert {"MaxCountConstraintComponent", "ClassConstraintComponent"} <= components


def test_figure_outside_its_sentence() -> None:
    g = Graph()
    g.parse(DATA / "common.ttl", format="turtle")
    g.parse(DATA / "figure-ok.ttl", format="turtle")
    g.update("""PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        DELETE { ?f nif:endIndex ?e } INSERT { ?f nif:endIndex "99"^^xsd:nonNegativeInteger }
        WHERE { ?f a <https://derek.kz/ontology#Figure> ; nif:endIndex ?e }""")
    result = validate(g)
    assert any(v.component == "SPARQLConstraintComponent" and "outside" in v.message
               for v in result.violations), result.messages


def test_mapper_output_conforms() -> None:
    for ex in sample_extractions():
        result = validate(to_graph(ex))
        assert result.conforms, "\n".join(result.messages)
