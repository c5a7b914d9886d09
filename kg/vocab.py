"""The RDF vocabularies Derek writes: its own ontology and the ones it reuses.

:class:`DEREK` mirrors ``ontology/derek.ttl`` term by term; like rdflib's own
namespaces it is a :class:`~rdflib.namespace.DefinedNamespace`, so a typo is an
error instead of a silently new IRI. :class:`NIF` covers the NIF 2.1 Core terms
used for anchoring text. W3C ORG, PROV-O, schema.org, FOAF and SKOS come from
rdflib.

>>> DEREK.Figure
rdflib.term.URIRef('https://derek.kz/ontology#Figure')
>>> DEREK.Figurre
Traceback (most recent call last):
...
AttributeError: term 'Figurre' not in namespace 'https://derek.kz/ontology#'
>>> str(NIF.anchorOf)
'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

#: schema.org (https), as rdflib ships it
SCHEMA = SDO

#: QUDT units, for the plain unit codes that have one (see :data:`QUDT_UNITS`)
QUDT_UNIT = Namespace("http://qudt.org/vocab/unit/")

DEREK_NS = "https://derek.kz/ontology#"
ONTOLOGY_IRI = URIRef("https://derek.kz/ontology")


class DEREK(DefinedNamespace):
    """Derek's own terms (``ontology/derek.ttl``)."""

    _fail = True
    _NS = Namespace(DEREK_NS)

    # classes
    Figure: URIRef  # a number the text reports, with unit and qualifier
    Project: URIRef  # a named programme, project, campaign or action
    Place: URIRef  # region, city, district, village (⊑ schema:Place)
    Quote: URIRef  # a stretch of reported speech (⊑ schema:Quotation)

    # article
    articleId: URIRef  # the input file stem or JSONL id
    source: URIRef  # publisher / press service named as the article's source
    hasText: URIRef  # article → its nif:Context

    # any entity
    mentionedIn: URIRef  # entity → article that names it

    # figure
    value: URIRef  # xsd:decimal after scale words
    unit: URIRef  # KZT, percent, hectare, person or a noun lemma
    qudtUnit: URIRef  # the QUDT unit matching ``unit`` where there is one
    qualifier: URIRef  # exact | approximately | more_than | at_least | up_to
    figureText: URIRef  # the surface form (⊑ nif:anchorOf)
    reportedBy: URIRef  # figure → person who states it (⊑ prov:wasAttributedTo)
    aboutProject: URIRef  # figure → project named in its sentence
    inSentence: URIRef  # figure → nif:Sentence

    # posts, projects, quotes
    postTitle: URIRef  # the position title as written («әкімі»)
    projectKind: URIRef  # жоба / бағдарлама / акция / бастама / жол картасы
    speaker: URIRef  # quote → person
    quoteKind: URIRef  # direct | indirect | according_to | caption


class NIF(DefinedNamespace):
    """NIF 2.1 Core: http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    Context: URIRef
    String: URIRef
    Sentence: URIRef
    Phrase: URIRef
    RFC5147String: URIRef
    isString: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef
    sourceUrl: URIRef


#: plain unit code → QUDT unit
QUDT_UNITS: dict[str, URIRef] = {
    "KZT": QUDT_UNIT["CCY_KZT"],
    "percent": QUDT_UNIT["PERCENT"],
    "hectare": QUDT_UNIT["HA"],
}

#: the prefixes used in Turtle/TriG output and saved queries
PREFIXES: dict[str, str] = {
    "derek": DEREK_NS,
    "org": str(ORG),
    "prov": str(PROV),
    "nif": str(NIF._NS),
    "schema": str(SCHEMA),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "rdfs": str(RDFS),
    "rdf": str(RDF),
    "owl": str(OWL),
    "xsd": str(XSD),
    "qudt-unit": str(QUDT_UNIT),
}

__all__ = [
    "DEREK",
    "FOAF",
    "NIF",
    "ONTOLOGY_IRI",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "QUDT_UNIT",
    "QUDT_UNITS",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "XSD",
]
