"""The knowledge graph as a :class:`networkx.MultiDiGraph`, read with SPARQL.

Nodes are entities — ``person``, ``organisation``, ``project``, ``place`` —
and, optionally, ``figure`` nodes; each has a Kazakh ``label``, a ``kind``,
its ``iri`` and the ``articles`` (ids) that mention it. Edges carry a
``relation``:

* ``post`` person → organisation or place, ``label`` = the position title
  (one edge per distinct title, whatever the number of articles);
* ``sub_organisation_of`` organisation → parent organisation;
* ``reported`` person → figure (spec §3);
* ``about_project`` figure → project (spec §2).

The vocabulary is Derek's (``ontology/derek.ttl``, :mod:`kg.vocab`): W3C ORG
posts, ``derek:reportedBy`` / ``derek:aboutProject`` figures.

>>> G = to_networkx(sample_store())
>>> G.nodes["https://derek.kz/id/person/a"]["label"], G.nodes["https://derek.kz/id/person/a"]["kind"]
('Жеңіс Асанов', 'person')
>>> sorted(d["relation"] for _, _, d in G.edges(data=True))
['about_project', 'post', 'reported']

:func:`figures_by_project_table` gives the rows of the saved query
``queries/figures-by-project.rq`` (spec §4), or of a built-in equivalent:

>>> figures_by_project_table(sample_store(), query_file=None)
[{'articleId': 'x', 'projectName': 'Іскер ана', 'value': '369', 'unit': 'нысан', 'figureText': '369'}]
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

PREFIXES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX schema: <https://schema.org/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX derek: <https://derek.kz/ontology#>
"""

#: rdf:type → node kind (the first match in this order wins)
KINDS: dict[str, str] = {
    "https://schema.org/Person": "person",
    "http://xmlns.com/foaf/0.1/Person": "person",
    "http://www.w3.org/ns/org#Organization": "organisation",
    "http://www.w3.org/ns/org#FormalOrganization": "organisation",
    "http://www.w3.org/ns/org#OrganizationalUnit": "organisation",
    "https://schema.org/Organization": "organisation",
    "https://derek.kz/ontology#Project": "project",
    "https://derek.kz/ontology#Place": "place",
    "https://schema.org/Place": "place",
}

_TYPES = " ".join(f"<{t}>" for t in KINDS)
_ENTITIES = PREFIXES + (
    "SELECT ?g ?e ?type ?label WHERE { GRAPH ?g {\n"
    "  ?e a ?type . OPTIONAL { ?e rdfs:label ?label }\n"
    "  VALUES ?type { " + _TYPES + " } } }"
)

_ARTICLES = PREFIXES + "SELECT ?g ?id WHERE { GRAPH ?g { ?a derek:articleId ?id } }"

_POSTS = PREFIXES + """
SELECT ?g ?person ?holder ?title ?role WHERE { GRAPH ?g {
  ?post a org:Post .
  { ?post org:heldBy ?person } UNION { ?person org:holds ?post }
  OPTIONAL { ?post org:postIn ?holder }
  OPTIONAL { ?post derek:postTitle ?title }
  OPTIONAL { ?post org:role ?r . ?r skos:prefLabel|rdfs:label ?role } } }"""

_SUBORGS = PREFIXES + "SELECT ?g ?a ?b WHERE { GRAPH ?g { ?a org:subOrganizationOf ?b } }"

_FIGURES = PREFIXES + """
SELECT ?g ?f ?value ?unit ?qualifier ?text ?reporter ?project ?sentence WHERE { GRAPH ?g {
  ?f a derek:Figure .
  OPTIONAL { ?f derek:value ?value } OPTIONAL { ?f derek:unit ?unit }
  OPTIONAL { ?f derek:qualifier ?qualifier } OPTIONAL { ?f derek:figureText ?text }
  OPTIONAL { ?f derek:reportedBy ?reporter } OPTIONAL { ?f derek:aboutProject ?project }
  OPTIONAL { ?f derek:inSentence/nif:anchorOf ?sentence } } }"""

StoreLike = ox.Store | ox.Dataset | str | Path | Any


def open_store(source: StoreLike) -> ox.Store:
    """A :class:`pyoxigraph.Store` for ``source``.

    ``source`` may be a store, an object with an ``oxigraph`` store attribute
    (:class:`kg.store.Store`), a store directory (opened read-only), an RDF file
    (``.trig``, ``.nq``, ``.ttl`` …, loaded into memory), a pyoxigraph
    :class:`~pyoxigraph.Dataset`, or an rdflib ``Dataset``/``Graph``.

    >>> len(open_store(Path(__file__).parents[2] / "tests" / "data" / "sample.trig")) > 50
    True
    """
    if isinstance(source, ox.Store):
        return source
    if isinstance(getattr(source, "oxigraph", None), ox.Store):
        return source.oxigraph
    if isinstance(source, str | Path):
        path = Path(source)
        if path.is_dir():
            return ox.Store.read_only(str(path))
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:]))
        return store
    store = ox.Store()
    if isinstance(source, ox.Dataset):
        store.extend(source)
        return store
    if hasattr(source, "serialize"):  # rdflib Graph / Dataset
        data = source.serialize(format="nquads", encoding="utf-8")
        store.load(data, format=ox.RdfFormat.N_QUADS)
        return store
    raise TypeError(f"cannot read a graph from {type(source).__name__}")


def term_text(term: Any) -> str:
    """The lexical text of an RDF term (IRI, blank node or literal), ``""`` for ``None``.

    >>> term_text(ox.Literal("5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")))
    '5'
    """
    return "" if term is None else str(term.value)


def _label_rank(term: Any) -> int:
    """Kazakh (``kk``) labels first, then untagged, then other languages.

    >>> _label_rank(ox.Literal("a", language="kk")), _label_rank(ox.Literal("a", language="en"))
    (0, 2)
    """
    if term is None:
        return 9
    language = getattr(term, "language", None)
    return 0 if language == "kk" else 1 if not language else 2


def _article_ids(store: ox.Store) -> dict[str, str]:
    ids = {term_text(r["g"]): term_text(r["id"]) for r in store.query(_ARTICLES)}
    return ids


def _article_of(graph: str, ids: dict[str, str]) -> str:
    return ids.get(graph) or graph.rstrip("/").rsplit("/", 1)[-1]


def _add_edge(G: nx.MultiDiGraph, u: str, v: str, relation: str, label: str, article: str,
              **attrs: Any) -> None:
    key = f"{relation}:{label}"
    if G.has_edge(u, v, key):
        arts = G.edges[u, v, key]["articles"]
        if article not in arts:
            arts.append(article)
        return
    G.add_edge(u, v, key=key, relation=relation, label=label, articles=[article], **attrs)


def _ensure(G: nx.MultiDiGraph, node: str, kind: str) -> None:
    if node not in G:
        G.add_node(node, iri=node, kind=kind, label=node.rsplit("/", 1)[-1], articles=[])


def to_networkx(source: StoreLike, figures: str = "linked") -> nx.MultiDiGraph:
    """Read the graph in ``source`` (see :func:`open_store`) into a MultiDiGraph.

    ``figures``: ``"linked"`` (default) adds figure nodes that have a reporter
    or a project, ``"all"`` adds every figure, ``"none"`` adds none.
    """
    store = open_store(source)
    ids = _article_ids(store)
    G = nx.MultiDiGraph()
    ranks: dict[str, int] = {}
    for row in store.query(_ENTITIES):
        node, kind = term_text(row["e"]), KINDS[term_text(row["type"])]
        article = _article_of(term_text(row["g"]), ids)
        if node not in G:
            G.add_node(node, iri=node, kind=kind, label=None, articles=[])
        data = G.nodes[node]
        rank = _label_rank(row["label"])
        if rank < ranks.get(node, 9):
            ranks[node] = rank
            data["label"] = term_text(row["label"])
        if article not in data["articles"]:
            data["articles"].append(article)
    for row in store.query(_POSTS):
        person, holder = term_text(row["person"]), term_text(row["holder"])
        title = term_text(row["title"]) or term_text(row["role"])
        _ensure(G, person, "person")
        article = _article_of(term_text(row["g"]), ids)
        if holder:
            _ensure(G, holder, "organisation")
            _add_edge(G, person, holder, "post", title, article)
        elif title and title not in G.nodes[person].setdefault("positions", []):
            G.nodes[person]["positions"].append(title)
    for row in store.query(_SUBORGS):
        child, parent = term_text(row["a"]), term_text(row["b"])
        for node in (child, parent):
            _ensure(G, node, "organisation")
        _add_edge(G, child, parent, "sub_organisation_of", "", _article_of(term_text(row["g"]), ids))
    if figures != "none":
        _add_figures(G, store, ids, include_all=figures == "all")
    for _, data in G.nodes(data=True):
        data["label"] = data["label"] or data["iri"].rsplit("/", 1)[-1]
        data["articles"].sort()
    return G


def _add_figures(G: nx.MultiDiGraph, store: ox.Store, ids: dict[str, str], include_all: bool) -> None:
    for row in store.query(_FIGURES):
        reporter, project = term_text(row["reporter"]), term_text(row["project"])
        if not (include_all or reporter or project):
            continue
        node = term_text(row["f"])
        article = _article_of(term_text(row["g"]), ids)
        if node not in G:
            value, unit = term_text(row["value"]), term_text(row["unit"])
            text = term_text(row["text"]) or f"{value} {unit}".strip()
            G.add_node(
                node, iri=node, kind="figure", label=text, value=value, unit=unit,
                qualifier=term_text(row["qualifier"]), sentence=term_text(row["sentence"]),
                articles=[article],
            )
        if reporter:
            _ensure(G, reporter, "person")
            _add_edge(G, reporter, node, "reported", "", article)
        if project:
            _ensure(G, project, "project")
            _add_edge(G, node, project, "about_project", "", article)


def find_node(G: nx.MultiDiGraph, label: str, kind: str | None = None) -> str:
    """The node whose label (or IRI) is ``label``, case-insensitively; ``KeyError`` if none.

    >>> find_node(to_networkx(sample_store()), "жеңіс асанов")
    'https://derek.kz/id/person/a'
    """
    wanted = label.casefold().strip()
    for node, data in G.nodes(data=True):
        if kind and data.get("kind") != kind:
            continue
        if node == label or str(data.get("label", "")).casefold() == wanted:
            return node
    names = sorted(str(d.get("label")) for _, d in G.nodes(data=True) if d.get("kind") == (kind or "person"))
    raise KeyError(f"no node labelled {label!r}; known: {', '.join(names[:20])}")


def ego(G: nx.MultiDiGraph, person_label: str, radius: int = 1) -> nx.MultiDiGraph:
    """The neighbourhood of one person: posts, figures they reported and those figures' projects.

    >>> E = ego(to_networkx(sample_store()), "Жеңіс Асанов")
    >>> sorted(d["kind"] for _, d in E.nodes(data=True))
    ['figure', 'organisation', 'person', 'project']
    """
    centre = find_node(G, person_label, kind="person")
    nodes = set(nx.ego_graph(G.to_undirected(as_view=True), centre, radius=radius))
    for node in list(nodes):
        if G.nodes[node].get("kind") == "figure":
            nodes.update(v for _, v, d in G.out_edges(node, data=True) if d["relation"] == "about_project")
    sub = G.subgraph(nodes).copy()
    sub.graph["centre"] = centre
    return sub


def top_reporters(G: nx.MultiDiGraph, n: int = 5) -> list[tuple[str, int]]:
    """The people who reported the most figures: ``(label, count)``, most first.

    >>> top_reporters(to_networkx(sample_store()))
    [('Жеңіс Асанов', 1)]
    """
    counts = [
        (str(d["label"]), sum(1 for *_, r in G.out_edges(v, data="relation") if r == "reported"))
        for v, d in G.nodes(data=True) if d.get("kind") == "person"
    ]
    return sorted((c for c in counts if c[1]), key=lambda c: (-c[1], c[0]))[:n]


def reported_figures(G: nx.MultiDiGraph, person_label: str) -> list[dict[str, str]]:
    """The figures one person reported, with their projects (rows for a table).

    >>> reported_figures(to_networkx(sample_store()), "Жеңіс Асанов")[0]["project"]
    'Іскер ана'
    """
    person = find_node(G, person_label, kind="person")
    rows = []
    for _, fig, relation in G.out_edges(person, data="relation"):
        if relation != "reported":
            continue
        data = G.nodes[fig]
        projects = [G.nodes[p]["label"] for _, p, r in G.out_edges(fig, data="relation")
                    if r == "about_project"]
        rows.append({
            "figureText": data.get("label", ""), "value": data.get("value", ""),
            "unit": data.get("unit", ""), "qualifier": data.get("qualifier", ""),
            "project": "; ".join(projects), "articles": "; ".join(data.get("articles", [])),
        })
    return sorted(rows, key=lambda r: (r["articles"], r["figureText"]))


def sample_store() -> ox.Store:
    """A three-node example store (for doctests)."""
    store = ox.Store()
    data = """
    @prefix derek: <https://derek.kz/ontology#> . @prefix org: <http://www.w3.org/ns/org#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix id: <https://derek.kz/id/> .
    <https://derek.kz/graph/x> {
      <https://derek.kz/id/article/x> derek:articleId "x" .
      id:person\\/a a <https://schema.org/Person> ; rdfs:label "Жеңіс Асанов"@kk ;
        org:holds id:post\\/1 .
      id:post\\/1 a org:Post ; org:postIn id:org\\/o ; derek:postTitle "хатшысы"@kk .
      id:org\\/o a org:Organization ; rdfs:label "«AMANAT» партиясы"@kk .
      id:project\\/p a derek:Project ; rdfs:label "Іскер ана"@kk .
      id:fig\\/1 a derek:Figure ; derek:value 369.0 ; derek:unit "нысан" ;
        derek:figureText "369" ; derek:reportedBy id:person\\/a ; derek:aboutProject id:project\\/p .
    }"""
    store.load(data, format=ox.RdfFormat.TRIG)
    return store


def nodes_of_kind(G: nx.MultiDiGraph, kinds: Iterable[str]) -> list[str]:
    """Nodes whose ``kind`` is one of ``kinds``, in graph order.

    >>> len(nodes_of_kind(to_networkx(sample_store()), ["person", "project"]))
    2
    """
    wanted = set(kinds)
    return [n for n, d in G.nodes(data=True) if d.get("kind") in wanted]


# -- figures by project (spec §4) -------------------------------------------

COLUMNS = ("articleId", "projectName", "value", "unit", "figureText")

BUILTIN_QUERY = PREFIXES + """
SELECT ?articleId ?projectName ?value ?unit ?figureText WHERE {
  GRAPH ?g {
    ?f a derek:Figure ; derek:aboutProject ?p ; derek:value ?value .
    OPTIONAL { ?f derek:unit ?unit } OPTIONAL { ?f derek:figureText ?figureText }
    OPTIONAL { ?a derek:articleId ?articleId }
    OPTIONAL { ?p rdfs:label ?projectName FILTER (lang(?projectName) IN ("kk", "")) }
  }
} ORDER BY ?articleId ?projectName ?value"""


def saved_query_file(name: str = "figures-by-project") -> Path | None:
    """``queries/<name>.rq`` of the source checkout, or ``None``.

    >>> p = saved_query_file("no-such-query")
    >>> p is None
    True
    """
    path = Path(__file__).resolve().parents[2] / "queries" / f"{name}.rq"
    return path if path.is_file() else None


def _normalise(text: str) -> str:
    """Decimal values without a trailing ``.0`` (``369.0`` → ``369``).

    >>> _normalise("369.0"), _normalise("2.50"), _normalise("KZT")
    ('369', '2.5', 'KZT')
    """
    if text.replace(".", "", 1).replace("-", "", 1).isdigit() and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def figures_by_project_table(
    source: StoreLike, query_file: str | Path | None | bool = True
) -> list[dict[str, str]]:
    """One row (column → text) per figure with a project.

    ``query_file``: ``True`` uses the saved query when it exists, a path uses that
    file, ``None``/``False`` forces the built-in query.
    """
    store = open_store(source)
    path: Path | None
    if query_file is True:
        path = saved_query_file()
    elif query_file:
        path = Path(query_file)
    else:
        path = None
    query = path.read_text(encoding="utf-8") if path else BUILTIN_QUERY
    results = store.query(query)
    names = [v.value for v in results.variables]
    rows = []
    for solution in results:
        row = {name: _normalise(term_text(solution[name])) for name in names}
        rows.append(row)
    return rows
