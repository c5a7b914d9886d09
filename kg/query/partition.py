"""A graph-local query over many articles, split by named graph and run in threads.

Oxigraph evaluates a query on one thread. A query whose whole pattern lies in one
``GRAPH ?g { … }`` block, with no ``DISTINCT``, aggregate, ``LIMIT`` or second
``GRAPH`` (:func:`graph_local`), finds each solution inside one article's graph, so its
result over the store is the union of its results over any partition of the named
graphs. :func:`partitioned` runs it over chunks of :data:`CHUNK_GRAPHS` graphs
(each chunk the query's dataset, ``FROM NAMED`` as :meth:`kg.store.Store.query` passes
it) in a thread pool: pyoxigraph evaluates outside the GIL, so the chunks run on every
core. The rows are the same multiset as one query's; their order is the caller's to set
(:mod:`kg.query.order` sorts them afterwards). :func:`partitioned_stream` does the same
for ``kg query --stream``, writing each chunk's CSV or TSV rows as the chunk is done.

Measured on the million-quad store of ``benchmarks/store.py`` (1,946 graphs, 2 cores):
who-reported-figures unordered (37,492 rows) 2.5–2.8 s as one query; in chunks on two
threads 1.5–1.8 s with 8 graphs a chunk, 1.7–1.9 s with 32, 2.3 s with 128, 2.3–2.5 s
with 1 or 2. Chunks stay small because Oxigraph checks a ``FROM NAMED`` list per lookup:
all 1,946 graphs in one list took 10.6 s.

>>> graph_local("SELECT ?a WHERE { GRAPH ?g { ?a ?p ?o } }")
True
>>> graph_local("SELECT DISTINCT ?a WHERE { GRAPH ?g { ?a ?p ?o } }")
False
>>> graph_local("SELECT ?a WHERE { GRAPH ?g { ?a ?p ?o } ?a ?q ?r }")
False
>>> graph_local("SELECT ?a WHERE { GRAPH ?g { ?a ?p ?o  GRAPH ?h { ?o ?q ?r } } }")
False
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.query.results import Rows

if TYPE_CHECKING:  # pragma: no cover
    from kg.store.oxstore import Store

#: named graphs in one chunk's dataset
CHUNK_GRAPHS = 8
#: below this many graphs a query runs whole, on one thread
PARTITION_MIN_GRAPHS = 2 * CHUNK_GRAPHS
#: at most this many threads
MAX_THREADS = 8


@lru_cache(maxsize=64)
def graph_local(text: str) -> bool:
    """Whether every solution of the SELECT query ``text`` lies in one named graph:
    its algebra (rdflib's SPARQL parser) is a projection of a single ``GRAPH ?var``
    pattern, with no other ``GRAPH`` or ``SERVICE`` anywhere inside (``FILTER EXISTS``
    included) and no dataset clause of its own."""
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.term import Variable

    from kg.vocab import PREFIXES

    try:
        algebra = prepareQuery(text, initNs=PREFIXES).algebra
    except Exception:  # noqa: BLE001 - a query rdflib cannot read runs whole
        return False
    if algebra.name != "SelectQuery" or algebra.get("datasetClause"):  # its own FROM NAMED
        return False
    project = algebra.get("p")
    if project is None or project.name != "Project":
        return False
    top = project.get("p")
    if top is None or top.name != "Graph" or not isinstance(top.get("term"), Variable):
        return False
    return _count_graphs(top) == 1


_GRAPH_NODES = frozenset({"Graph", "GraphGraphPattern", "ServiceGraphPattern"})


def _count_graphs(node: Any) -> int:
    """``GRAPH`` (and ``SERVICE``) patterns in an algebra tree: CompValues, lists, and
    the untranslated patterns of ``EXISTS`` expressions."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        own = 1 if node.name in _GRAPH_NODES else 0
        return own + sum(_count_graphs(v) for v in node.values())
    if isinstance(node, list | tuple | set):
        return sum(_count_graphs(v) for v in node)
    return 0


def _threads() -> int:
    return max(1, min(MAX_THREADS, os.cpu_count() or 1))


def _chunks(store: Store, text: str, graphs: set[ox.NamedNode] | None,
            chunk: int | None, min_graphs: int | None) -> list[list[ox.NamedNode]] | None:
    """The graphs (all named graphs when ``None``) in chunks, sorted by name; ``None``
    where the query is not graph-local or reads too few graphs to split."""
    chunk = chunk or CHUNK_GRAPHS
    min_graphs = PARTITION_MIN_GRAPHS if min_graphs is None else min_graphs
    pool: Sequence[ox.NamedNode]
    if graphs is None:
        pool = [g for g in store.oxigraph.named_graphs() if isinstance(g, ox.NamedNode)]
    else:
        pool = list(graphs)
    if len(pool) < min_graphs or not graph_local(text):
        return None
    pool = sorted(pool, key=lambda g: g.value)
    return [pool[i: i + chunk] for i in range(0, len(pool), chunk)]


def partitioned(store: Store, text: str, bindings: Mapping[str, Any],
                graphs: set[ox.NamedNode] | None,
                threads: int | None = None, chunk: int | None = None,
                min_graphs: int | None = None) -> Rows | None:
    """The rows of ``text`` over ``graphs`` (all named graphs when ``None``), found chunk
    by chunk in threads; ``None`` where the query is not :func:`graph_local` or reads
    fewer than ``min_graphs`` graphs (then one query is as fast)."""
    chunks = _chunks(store, text, graphs, chunk, min_graphs)
    if chunks is None:
        return None

    def run(part: list[ox.NamedNode]) -> Rows:
        return Rows.from_solutions(store.query(text, bindings, graphs=part))

    with ThreadPoolExecutor(max_workers=threads or _threads(),
                            thread_name_prefix="derek-query") as ex:
        parts = list(ex.map(run, chunks))
    return Rows(parts[0].columns, [row for part in parts for row in part.terms])


#: W3C result formats whose chunks can be joined: one header line, then a line per row
_JOINABLE = (ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV)


def partitioned_stream(store: Store, text: str, bindings: Mapping[str, Any],
                       graphs: set[ox.NamedNode] | None, out: IO[bytes],
                       fmt: ox.QueryResultsFormat,
                       check: Callable[[list[str]], None] | None = None,
                       threads: int | None = None, chunk: int | None = None,
                       min_graphs: int | None = None) -> bool:
    """Write the rows of ``text`` to ``out`` as CSV or TSV, each chunk's rows as soon as
    that chunk is done (in no particular order), the header once; ``False`` (nothing
    written) where :func:`partitioned` would run the query whole, or for JSON.
    ``check`` sees the result's variables before anything is written (and may raise)."""
    if fmt not in _JOINABLE:
        return False
    chunks = _chunks(store, text, graphs, chunk, min_graphs)
    if chunks is None:
        return False

    def run(part: list[ox.NamedNode]) -> tuple[list[str], bytes]:
        buf = io.BytesIO()
        result = store.query(text, bindings, graphs=part)
        variables = [v.value for v in result.variables]
        result.serialize(buf, fmt)
        return variables, buf.getvalue()

    header = True
    with ThreadPoolExecutor(max_workers=threads or _threads(),
                            thread_name_prefix="derek-query") as ex:
        for done in as_completed([ex.submit(run, part) for part in chunks]):
            variables, data = done.result()
            if header and check is not None:
                check(variables)
            if not header:  # every chunk starts with the same header line
                data = data[data.index(b"\n") + 1:]
            header = False
            if data:
                out.write(data)
    return True
