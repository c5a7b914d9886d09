"""The JSON-LD context for Derek's vocabulary (ontology/context.jsonld)."""

from __future__ import annotations

import json
from pathlib import Path

import rdflib
from rdflib.namespace import RDFS

ROOT = Path(__file__).resolve().parent.parent
CONTEXT = ROOT / "ontology" / "context.jsonld"
DEREK = rdflib.Namespace("https://derek.kz/ontology#")


def test_every_derek_term_in_the_context_is_in_the_ontology() -> None:
    ctx = json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]
    onto = rdflib.Graph().parse(ROOT / "ontology" / "derek.ttl")
    defined = {s for s in onto.subjects() if isinstance(s, rdflib.URIRef)}
    terms = [v if isinstance(v, str) else v["@id"] for k, v in ctx.items() if not k.startswith("@")]
    derek_terms = [t for t in terms if t.startswith("derek:")]
    assert derek_terms
    missing = [t for t in derek_terms if DEREK[t.split(":", 1)[1]] not in defined]
    assert missing == []


def test_context_expands_a_figure_document() -> None:
    doc = {
        "@context": json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"],
        "@id": "https://derek.kz/id/figure/a1/10-13",
        "@type": "Figure",
        "value": "369",
        "unit": "нысан",
        "reportedBy": {"@id": "https://derek.kz/id/person/zhenis-asanov", "label": "Жеңіс Асанов"},
    }
    g = rdflib.Graph().parse(data=json.dumps(doc), format="json-ld")
    fig = rdflib.URIRef("https://derek.kz/id/figure/a1/10-13")
    person = rdflib.URIRef("https://derek.kz/id/person/zhenis-asanov")
    assert (fig, rdflib.RDF.type, DEREK.Figure) in g
    assert (fig, DEREK.value, rdflib.Literal("369", datatype=rdflib.XSD.decimal)) in g
    assert (fig, DEREK.reportedBy, person) in g
    assert (person, RDFS.label, rdflib.Literal("Жеңіс Асанов", lang="kk")) in g
