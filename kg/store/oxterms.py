"""rdflib terms and graphs for pyoxigraph: terms converted, N-Triples lines, serialisation.

Split from :mod:`kg.store.oxstore` (the store): :func:`to_oxigraph` converts one term,
:func:`nt_lines` and :func:`graph_nt` write a graph as N-Triples lines (once per graph:
validation, the store and the distributed engine all read them), and the serialiser and
ontology triples that ``Store.dump`` writes.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import DerekError

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def to_oxigraph(term: Node | str, bnodes: dict[BNode, ox.BlankNode] | None = None) -> OxTerm:
    """An rdflib term (or a plain string, as a literal) as a pyoxigraph term.

    Raises ``ValueError`` for an invalid IRI or language tag.

    >>> to_oxigraph(Literal("Асанов", lang="kk"))
    <Literal value=Асанов language=kk>
    >>> to_oxigraph("a1")
    <Literal value=a1 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        if bnodes is None:
            return ox.BlankNode()
        return bnodes.setdefault(term, ox.BlankNode())
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term
    if isinstance(term, str):
        return ox.Literal(term)
    raise ValueError(f"cannot store term {term!r}")


def nt_lines(graph: Iterable[tuple[Node, Node, Node]],
             bnodes: dict[BNode, ox.BlankNode] | None = None) -> list[str]:
    """The triples as N-Triples lines (terms written by Oxigraph, so escaped correctly);
    blank nodes are given fresh labels, recorded in ``bnodes``.

    >>> nt_lines([(URIRef("https://derek.kz/id/x"), URIRef("https://derek.kz/ontology#name"),
    ...            Literal("«Нұр Отан»", lang="kk"))])
    ['<https://derek.kz/id/x> <https://derek.kz/ontology#name> "«Нұр Отан»"@kk .']
    """
    bnodes = {} if bnodes is None else bnodes

    def nt(term: Node) -> str:
        if isinstance(term, BNode):
            return str(bnodes.setdefault(term, ox.BlankNode()))
        return _term_nt(term)

    return [f"{nt(s)} {nt(p)} {nt(o)} ." for s, p, o in graph]


@lru_cache(maxsize=1 << 16)
def _term_nt(term: Node) -> str:
    """An IRI or literal in N-Triples, written by Oxigraph (cached: an article's graph
    repeats its predicates, classes and entity IRIs many times)."""
    return str(to_oxigraph(term))


#: N-Triples of the graphs written lately: validation, the store and the distributed
#: engine all read an article graph as N-Triples, so it is written once (a graph whose
#: size changed since is written again)
_NT_CACHE: weakref.WeakKeyDictionary[Graph, tuple[int, list[str]]] = weakref.WeakKeyDictionary()


def graph_nt(graph: Graph, bnodes: dict[BNode, ox.BlankNode] | None = None) -> list[str]:
    """:func:`nt_lines` of an rdflib graph, written once per graph when it has no blank
    nodes (their fresh labels are recorded in ``bnodes``, and written anew on each call).

    >>> g = Graph()
    >>> _ = g.add((URIRef("https://derek.kz/id/x"), URIRef("https://derek.kz/ontology#articleId"), Literal("a1")))
    >>> graph_nt(g) is graph_nt(g)
    True
    """
    hit = _NT_CACHE.get(graph)
    if hit is not None and hit[0] == len(graph):
        return hit[1]
    bnodes = {} if bnodes is None else bnodes
    lines = nt_lines(graph, bnodes)
    if not bnodes:  # blank-node labels must stay fresh per use
        _NT_CACHE[graph] = (len(graph), lines)
    return lines


def _serialize(items: list[Any], fmt: ox.RdfFormat, prefixes: dict[str, str] | None) -> bytes:
    out = ox.serialize(items, format=fmt, prefixes=prefixes) if prefixes else ox.serialize(items, format=fmt)
    return out if out is not None else b""


def _ontology_items(as_quads: bool) -> list[Any]:
    """The ontology's triples (as default-graph quads for dataset formats)."""
    from kg import ROOT

    path = ROOT / "ontology" / "derek.ttl"
    try:
        triples = [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except (OSError, SyntaxError) as exc:
        raise DerekError("E401", f"cannot load the ontology {path}: {exc}") from exc
    if as_quads:
        return [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    return triples
