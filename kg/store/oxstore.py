"""Derek's store: a pyoxigraph (RocksDB) dataset with one named graph per article.

``replace_article`` swaps an article's graph in a single SPARQL Update request
(``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }``). pyoxigraph runs
one request as one transaction, so either the new graph replaces the old one
completely or — on any error — what was stored before stays intact. Building
an article twice therefore leaves the same number of triples.

Errors users can act on are :class:`~kg.errors.DerekError`:
``E201`` no store / not a directory, ``E202`` locked by another process,
``E203`` unreadable (corrupt) store, ``E204`` write to a read-only store,
``E205`` a replace failed (old graph kept), ``E301``/``E302`` bad query /
update given as a query, ``E501`` unknown export format.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("https://derek.kz/id/x"), URIRef("https://derek.kz/ontology#articleId"), Literal("a1")))
>>> st = Store(None)  # in memory
>>> st.replace_article("a1", g)
1
>>> st.replace_article("a1", g)
1
>>> st.articles(), st.triple_count()
(['a1'], 1)
>>> print(st.dump("nquads").decode().strip())
<https://derek.kz/id/x> <https://derek.kz/ontology#articleId> "a1" <https://derek.kz/graph/a1> .
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from kg import iri
from kg.errors import DerekError
from kg.store.oxterms import (
    _ontology_items,
    _serialize,
    graph_nt,
    nt_lines,  # noqa: F401  (re-exported: kg.store.oxstore is the front)
    to_oxigraph,
)
from kg.vocab import DEREK, NIF, ORG, PREFIXES, SCHEMA

DEFAULT_PATH = Path("kg-store")

#: export format name → pyoxigraph format
EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
}

#: what :meth:`Store.stats` counts, by class (distinct nodes over all article graphs)
_COUNTED = {
    "people": SCHEMA.Person,
    "organisations": ORG.Organization,
    "places": DEREK.Place,
    "projects": DEREK.Project,
    "posts": ORG.Post,
    "figures": DEREK.Figure,
    "sentences": NIF.Sentence,
}


def _open_error(path: Path, exc: OSError) -> DerekError:
    text = str(exc)
    if "lock" in text.lower():
        return DerekError("E202", f"the store {path} is locked by another process",
                          hint="wait for the other kg command to finish, or open it read-only")
    if isinstance(exc, FileNotFoundError) or "No such file" in text:
        return DerekError("E201", f"no store at {path}",
                          hint="build one first (kg build …) or pass the right --store path")
    if "not a directory" in text:
        return DerekError("E201", f"{path} is not a store directory ({text})",
                          hint="pass a directory path for the store")
    return DerekError("E203", f"cannot open the store {path}: {text}",
                      hint="the directory may be damaged; rebuild into a fresh directory")


class Store:
    """An on-disk (or, with ``path=None``, in-memory) store of article graphs."""

    def __init__(
        self,
        path: str | Path | None = DEFAULT_PATH,
        *,
        read_only: bool = False,
        base: str | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self.base = iri.base_iri(base)
        try:
            if self.path is None:
                self._ox = ox.Store()
            elif read_only:
                if not self.path.is_dir():
                    raise FileNotFoundError(str(self.path))
                self._ox = ox.Store.read_only(str(self.path))
            else:
                self._ox = ox.Store(str(self.path))
        except OSError as exc:
            raise _open_error(self.path or Path(":memory:"), exc) from exc

    # -- context manager ---------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store and its lock; the object is unusable afterwards."""
        ox_store = getattr(self, "_ox", None)
        if ox_store is None:
            return
        if not self.read_only and self.path is not None:
            ox_store.flush()
        if self.path is not None:
            del self._ox
            import gc

            gc.collect()

    def flush(self) -> None:
        """Write the store's in-memory write buffers to disk.

        RocksDB keeps written quads in memory tables until they are flushed; a long
        build flushes after every batch so its memory stays flat in the number of
        articles (without it, 690 articles took twice the memory of 69).
        """
        if not self.read_only and self.path is not None:
            self._ox.flush()

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store` (for advanced use)."""
        return self._ox

    # -- writing -----------------------------------------------------------
    def graph_name(self, article_id: str) -> ox.NamedNode:
        return ox.NamedNode(str(iri.graph(article_id, self.base)))

    def _check_writable(self) -> None:
        if self.read_only:
            raise DerekError("E204", "the store is open read-only",
                             hint="open it without read_only to build or replace articles")

    def _update_text(self, g: ox.NamedNode, graph: Graph) -> str:
        lines = graph_nt(graph)
        drop = f"DROP SILENT GRAPH {g}"
        if not lines:
            return drop
        return f"{drop} ;\nINSERT DATA {{ GRAPH {g} {{\n" + "\n".join(lines) + "\n} }"

    def replace_article(self, article_id: str, graph: Graph) -> int:
        """Replace the article's named graph by ``graph``, atomically; returns its size."""
        self._check_writable()
        g = self.graph_name(article_id)
        try:
            self._ox.update(self._update_text(g, graph))
        except (ValueError, SyntaxError, OSError) as exc:
            raise DerekError("E205", f"could not store article {article_id!r}: {exc}",
                             hint="nothing was changed; the previous version is kept") from exc
        return len(graph)

    def replace_articles(self, graphs: Mapping[str, Graph]) -> dict[str, DerekError]:
        """Replace several articles' graphs; returns those not stored.

        Articles not in the store yet go in one N-Quads bulk load: pyoxigraph's bulk loader
        writes the batch's sorted index files aside and hands them to RocksDB in one
        atomic ingestion at its end (nothing is ingested if it fails), which costs half of
        a transactional ``load`` plus the ``flush`` after it (0.40 s against 0.81 s for
        the 105 articles of ``benchmarks/build.py seeds tests/data`` in batches of 16).
        Articles already there are dropped and inserted in one update. If the batch cannot be written as a whole, each article is written on its own,
        so one bad graph is kept out (its ``E205`` error returned, its old graph kept)
        and never half-written.

        >>> from rdflib import Graph, Literal, URIRef
        >>> g = Graph()
        >>> _ = g.add((URIRef("https://derek.kz/id/x"), URIRef("https://derek.kz/ontology#articleId"), Literal("a1")))
        >>> st = Store(None)
        >>> st.replace_articles({"a1": g, "a2": g}), st.articles(), st.triple_count()
        ({}, ['a1', 'a2'], 2)
        """
        self._check_writable()
        names = {a: self.graph_name(a) for a in graphs}
        new = [a for a in graphs if not self._ox.contains_named_graph(names[a])]
        old = [a for a in graphs if a not in set(new)]
        try:
            if new:  # articles not stored yet: one bulk load, all or nothing (see above)
                self._ox.bulk_load(self._nquads(names, graphs, new), format=ox.RdfFormat.N_QUADS)
            if old:  # replaced articles: drop and insert, one update
                self._ox.update(" ;\n".join(self._update_text(names[a], graphs[a]) for a in old))
            return {}
        except (ValueError, SyntaxError, OSError):
            errors: dict[str, DerekError] = {}
            for article_id in graphs:  # each on its own (drop and insert: idempotent)
                try:
                    self.replace_article(article_id, graphs[article_id])
                except DerekError as err:
                    errors[article_id] = err
            return errors

    @staticmethod
    def _nquads(names: Mapping[str, ox.NamedNode], graphs: Mapping[str, Graph],
                ids: Iterable[str]) -> bytes:
        lines: list[str] = []
        for a in ids:
            tail = f" {names[a]} ."
            lines.extend(line[:-2] + tail for line in graph_nt(graphs[a]))
        return "\n".join(lines).encode("utf-8")

    def load_files(self, paths: Iterable[str | Path], threads: int = 2) -> Any:
        """Bulk-load N-Quads/TriG files, each named graph replacing the stored one; every
        file is parsed before the store is touched (:func:`kg.store.bulk.load_files`)."""
        from kg.store.bulk import load_files

        return load_files(self, list(paths), threads)

    def remove_article(self, article_id: str) -> None:
        """Drop the article's graph (no error if it is absent)."""
        self._check_writable()
        self._ox.update(f"DROP SILENT GRAPH {self.graph_name(article_id)}")

    # -- reading -----------------------------------------------------------
    def articles(self) -> list[str]:
        """The ids of the stored articles, sorted."""
        ids = (iri.article_id_of_graph(g.value, self.base) for g in self._ox.named_graphs()
               if isinstance(g, ox.NamedNode))
        return sorted(i for i in ids if i is not None)

    def article_graph(self, article_id: str) -> Graph:
        """One article's stored graph as an rdflib ``Graph`` (empty if absent)."""
        quads = self._ox.quads_for_pattern(None, None, None, self.graph_name(article_id))
        data = _serialize([q.triple for q in quads], ox.RdfFormat.N_TRIPLES, None)
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        return g.parse(data=data.decode("utf-8"), format="nt") if data else g

    def triple_count(self, article_id: str | None = None) -> int:
        """Quads in the store, or triples in one article's graph."""
        if article_id is None:
            return len(self._ox)
        g = self.graph_name(article_id)
        return sum(1 for _ in self._ox.quads_for_pattern(None, None, None, g))

    def stats(self) -> dict[str, int]:
        """Counts: articles, triples, and distinct people, organisations, figures …"""
        out = {"articles": len(self.articles()), "triples": self.triple_count()}
        for name, cls in _COUNTED.items():
            res = self._ox.query(
                f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a <{cls}> }} }}"
            )
            row = next(iter(res))  # type: ignore[arg-type]
            out[name] = int(row["n"].value)
        return out

    def graphs_holding(self, term: Node | str) -> set[ox.NamedNode]:
        """The named graphs in which ``term`` occurs as an object (or an IRI as a subject).

        >>> from rdflib import Graph, Literal, URIRef
        >>> g = Graph()
        >>> _ = g.add((URIRef("https://derek.kz/id/x"), URIRef("https://derek.kz/ontology#articleId"), Literal("a1")))
        >>> st = Store(None); _ = st.replace_article("a1", g)
        >>> [n.value for n in st.graphs_holding(Literal("a1"))], st.graphs_holding("a2")
        (['https://derek.kz/graph/a1'], set())
        """
        value = to_oxigraph(term)
        found = {q.graph_name for q in self._ox.quads_for_pattern(None, None, value, None)}
        if isinstance(value, ox.NamedNode):
            found |= {q.graph_name for q in self._ox.quads_for_pattern(value, None, None, None)}
        return {g for g in found if isinstance(g, ox.NamedNode)}

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None, *,
              graphs: Iterable[ox.NamedNode] | None = None) -> Any:
        """Run a SPARQL query (never an update); ``bindings`` are substituted, not pasted.

        ``graphs``: the query's dataset holds only these named graphs (as ``FROM NAMED``
        would), so ``GRAPH ?g { … }`` reads a few articles' graphs from the graph-first
        index instead of joining over the whole store.

        Returns pyoxigraph's ``QuerySolutions``, ``QueryTriples`` or ``QueryBoolean``.
        """
        subs = {ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
        extra: dict[str, Any] = {}
        if graphs is not None:
            extra["named_graphs"] = sorted(graphs, key=lambda g: g.value)
        try:
            return self._ox.query(sparql, substitutions=subs or None, prefixes=PREFIXES, **extra)
        except RuntimeError as exc:  # e.g. a substituted variable not in the projection
            raise DerekError("E304", f"cannot bind {', '.join(sorted(bindings or {}))}: {exc}",
                             hint="only variables of the SELECT clause can be bound") from exc
        except SyntaxError as exc:
            from kg.query.sparql import looks_like_update

            if looks_like_update(sparql):
                raise DerekError("E302", "updates are not allowed here: the store is queried read-only",
                                 hint="use a SELECT, ASK, CONSTRUCT or DESCRIBE query") from exc
            raise DerekError("E301", f"SPARQL syntax error: {exc}",
                             hint="check the query; common prefixes are predeclared") from exc

    # -- export ------------------------------------------------------------
    def _union_triples(self) -> Iterator[ox.Triple]:
        yield from self._ox.query(  # type: ignore[misc]
            "CONSTRUCT { ?s ?p ?o } WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }"
        )

    def dump(
        self,
        format: str = "turtle",
        graph: str | None = None,
        *,
        article: str | None = None,
        with_ontology: bool = False,
    ) -> bytes:
        """Serialise the store: ``turtle``/``ntriples`` (the union of all article graphs,
        or one article's graph), ``trig``/``nquads``/``jsonld`` (one named graph per
        article; all of them, or the one named by ``graph``/``article``, an article id).

        ``with_ontology`` adds ``ontology/derek.ttl`` (to the default graph in
        dataset formats).
        """
        graph = graph if graph is not None else article
        fmt = EXPORT_FORMATS.get(format.lower())
        if fmt is None:
            raise DerekError("E501", f"unknown export format {format!r}",
                             hint="one of: " + ", ".join(sorted(EXPORT_FORMATS)))
        prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        items: Iterable[ox.Triple] | Iterable[ox.Quad]
        g: ox.NamedNode | None = None
        if graph is not None:
            g = self.graph_name(graph)
            if not self._ox.contains_named_graph(g):
                raise DerekError("E206", f"no article {graph!r} in the store",
                                 hint="kg articles lists the stored ids")
            quads = self._ox.quads_for_pattern(None, None, None, g)
            items = quads if fmt.supports_datasets else (q.triple for q in quads)
        elif fmt.supports_datasets:
            items = self._ox.quads_for_pattern(None, None, None, None)
        else:
            items = self._union_triples()
        if with_ontology:
            items = [*items, *_ontology_items(fmt.supports_datasets)]
        try:
            return _serialize(list(items), fmt, prefixes)
        except ValueError:
            if fmt is not ox.RdfFormat.JSON_LD:
                raise
            return self._jsonld_via_rdflib(g)

    def _jsonld_via_rdflib(self, g: ox.NamedNode | None) -> bytes:
        """JSON-LD through rdflib, for a pyoxigraph built without a JSON-LD writer."""
        from rdflib import Dataset

        quads = list(self._ox.quads_for_pattern(None, None, None, g))
        nq = _serialize(quads, ox.RdfFormat.N_QUADS, None)
        ds = Dataset().parse(io.BytesIO(nq), format="nquads")
        return ds.serialize(format="json-ld", encoding="utf-8")
