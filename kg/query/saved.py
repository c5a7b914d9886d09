"""The saved queries of spec §4: ``queries/*.rq``, their names, columns and parameters.

Each file starts with a header comment that this module reads::

    # name: people
    # description: …
    # columns: articleId, personName, position, organisationName
    # param articleId: string — only this article
    # param personName: kk — only the person with this name

A parameter's kind says how its value is turned into an RDF term: ``string``
(an ``xsd:string`` literal), ``kk`` (a ``@kk`` literal, as labels are), ``iri``, or
``date`` (``dateFrom``/``dateTo``, ``YYYY-MM-DD``, inclusive: the articles published in
the range, by their ``schema:datePublished``; the dataset is narrowed to their graphs).
Values are bound with pyoxigraph ``substitutions``, never pasted into the query text. A saved query matches inside ``GRAPH ?g { … }``, so a row with a bound
value comes from a graph that holds that value: the query's dataset is narrowed to those
graphs (pyoxigraph ``named_graphs``), and filtering to one article or one person reads
a few graphs, not the store. A query's trailing ``ORDER BY`` is applied in Python, in
the engine's order (:mod:`kg.query.order`): Oxigraph sorts large results slowly.

>>> q = load_saved("projects")
>>> q.columns
['articleId', 'projectName']
>>> sorted(q.params)
['articleId']
>>> load_saved("nope")
Traceback (most recent call last):
...
kg.errors.DerekError: E303: unknown saved query 'nope' (hint: available: figures-by-person, figures-by-project, organisations, people, projects, who-reported-figures)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox

from kg import ROOT
from kg.errors import DerekError
from kg.query import order
from kg.query.partition import partitioned, partitioned_stream
from kg.query.results import Rows

if TYPE_CHECKING:
    from kg.store import Store

QUERIES_DIR = ROOT / "queries"
PARAM_KINDS = ("string", "kk", "iri", "date")
#: «date» parameters: a range over the articles' schema:datePublished (inclusive)
DATE_PARAMS = frozenset({"dateFrom", "dateTo"})
_ISO_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_GRAPH_VAR = re.compile(r"\bGRAPH\s+\?g\b")
_HEADER = re.compile(r"^#\s*(name|description|columns|param|order)\s*(\w*)\s*:\s*(.*)$")


@dataclass(frozen=True)
class SavedQuery:
    """A saved query: its name, text, declared columns and parameters."""

    name: str
    text: str
    columns: list[str]
    description: str = ""
    #: parameter name → (kind, description)
    params: dict[str, tuple[str, str]] = field(default_factory=dict)
    path: Path | None = None

    def term(self, param: str, value: str) -> ox.NamedNode | ox.Literal:
        """The RDF term a parameter value is bound to."""
        if param not in self.params:
            known = ", ".join(sorted(self.params)) or "none"
            raise DerekError("E304", f"saved query {self.name!r} has no parameter {param!r}",
                             hint=f"parameters: {known}")
        kind = self.params[param][0]
        if kind == "date":
            if param not in DATE_PARAMS or not _ISO_DAY.match(value):
                raise DerekError("E304", f"parameter {param!r}: not a day: {value!r}",
                                 hint="give a date as YYYY-MM-DD (dateFrom, dateTo: inclusive)")
            return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
        if kind == "kk":
            return ox.Literal(value, language="kk")
        if kind == "iri":
            try:
                return ox.NamedNode(value)
            except ValueError as exc:
                raise DerekError("E304", f"parameter {param!r}: not an IRI: {value!r}") from exc
        return ox.Literal(value)


def parse_saved(text: str, name: str, path: Path | None = None) -> SavedQuery:
    """Read the header comment of a saved query."""
    description: list[str] = []
    columns: list[str] = []
    params: dict[str, tuple[str, str]] = {}
    last = ""
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if m is None:
            if last == "description":
                description.append(line.lstrip("# ").strip())
            continue
        key, arg, value = m.group(1), m.group(2), m.group(3).strip()
        last = key
        if key == "description":
            description.append(value)
        elif key == "columns":
            columns = [c.strip() for c in value.split(",") if c.strip()]
        elif key == "param":
            kind, _, desc = value.partition("—")
            kind = kind.strip()
            if kind not in PARAM_KINDS:
                raise DerekError("E305", f"saved query {name}: parameter {arg} has kind {kind!r}",
                                 hint="kinds: " + ", ".join(PARAM_KINDS))
            params[arg] = (kind, desc.strip())
    if not columns:
        raise DerekError("E305", f"saved query {name} declares no columns",
                         hint="add a '# columns: a, b, c' header line")
    return SavedQuery(name=name, text=text, columns=columns,
                      description=" ".join(d for d in description if d),
                      params=params, path=path)


def list_saved(directory: Path = QUERIES_DIR) -> list[str]:
    """The names of the saved queries."""
    return sorted(p.stem for p in directory.glob("*.rq"))


def load_saved(name: str, directory: Path = QUERIES_DIR) -> SavedQuery:
    """Load ``queries/<name>.rq`` (a trailing ``.rq`` is accepted)."""
    stem = name[:-3] if name.endswith(".rq") else name
    path = directory / f"{stem}.rq"
    if "/" in stem or "\\" in stem or not path.is_file():
        raise DerekError("E303", f"unknown saved query {name!r}",
                         hint="available: " + ", ".join(list_saved(directory)))
    return parse_saved(path.read_text(encoding="utf-8"), stem, path)


def _graphs_for(store: Store, q: SavedQuery,
                bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> set[ox.NamedNode] | None:
    """The named graphs that hold every bound value and whose article is published in the
    date range given (None: nothing bound, read them all)."""
    if not bindings or not _GRAPH_VAR.search(q.text):
        return None
    graphs: set[ox.NamedNode] | None = None
    for name, term in bindings.items():
        if q.params[name][0] == "date":
            continue
        holding = store.graphs_holding(term)
        graphs = holding if graphs is None else graphs & holding
    days = {k: t.value for k, t in bindings.items() if q.params[k][0] == "date"}
    if days:
        dated = published_between(store, days.get("dateFrom"), days.get("dateTo"))
        graphs = dated if graphs is None else graphs & dated
    return graphs


def _substituted(q: SavedQuery, bindings: Mapping[str, ox.NamedNode | ox.Literal]
                 ) -> dict[str, ox.NamedNode | ox.Literal]:
    """The bindings substituted into the query: all but the date range, which narrows the
    dataset instead (:func:`_graphs_for`)."""
    return {k: v for k, v in bindings.items() if q.params[k][0] != "date"}


def published_between(store: Store, since: str | None, until: str | None) -> set[ox.NamedNode]:
    """The named graphs of the articles published from ``since`` to ``until`` (inclusive,
    ``YYYY-MM-DD``, either open), by the day of their ``schema:datePublished``; an
    article without a date is in no range.

    >>> from kg.store import Store
    >>> published_between(Store(), "2024-01-01", None)
    set()
    """
    found: set[ox.NamedNode] = set()
    for sol in store.query("SELECT ?g ?d WHERE { GRAPH ?g { ?a schema:datePublished ?d } }"):
        g, d = sol["g"], sol["d"]
        day = d.value[:10] if isinstance(d, ox.Literal) else ""
        if isinstance(g, ox.NamedNode) and _ISO_DAY.match(day) and \
                (since is None or day >= since) and (until is None or day <= until):
            found.add(g)
    return found


def run_saved(store: Store, name: str, params: Mapping[str, str] | None = None) -> Rows:
    """Run a saved query with parameters bound from outside; rows have its columns."""
    q = load_saved(name)
    bound = {k: q.term(k, v) for k, v in (params or {}).items()}
    graphs = _graphs_for(store, q, bound)
    bindings = _substituted(q, bound)
    rows = _python_ordered(store, q.text, bindings, graphs)
    if rows is None:  # an ORDER BY with expressions, LIMIT, DISTINCT …
        rows = _rows(store, q.text, bindings, graphs)
    missing = [c for c in q.columns if c not in rows.columns]
    if missing:
        raise DerekError("E306", f"saved query {name} does not return {', '.join(missing)}",
                         hint="the header's columns must match the SELECT clause")
    return rows


def _rows(store: Store, text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal],
          graphs: set[ox.NamedNode] | None) -> Rows:
    """The rows of ``text``, in threads over chunks of the graphs where it is graph-local
    and reads many (:mod:`kg.query.partition`), else from one query."""
    rows = partitioned(store, text, bindings, graphs)
    if rows is None:
        rows = Rows.from_solutions(store.query(text, bindings, graphs=graphs))
    return rows


def _python_ordered(store: Store, text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal],
                    graphs: set[ox.NamedNode] | None) -> Rows | None:
    """The rows of ``text`` run unordered and sorted in Python (see :mod:`kg.query.order`),
    or ``None`` where its ORDER BY cannot be taken out of the query."""
    p = order.plan(text)
    if p is None:
        return None
    rows = _rows(store, p.text, bindings, graphs)
    ordered = order.sort_rows(rows.terms, rows.columns, p.keys)
    return Rows(rows.columns[: p.width], [row[: p.width] for row in ordered])


def unordered(text: str) -> str:
    r"""``text`` without its trailing ``ORDER BY`` (kept when a LIMIT or OFFSET follows it,
    since dropping the order would change which rows come back).

    >>> unordered("SELECT ?a WHERE { ?a ?b ?c }\nORDER BY ?a ?b")
    'SELECT ?a WHERE { ?a ?b ?c }'
    >>> unordered("SELECT ?a WHERE { ?a ?b ?c }\nORDER BY ?a LIMIT 3")
    'SELECT ?a WHERE { ?a ?b ?c }\nORDER BY ?a LIMIT 3'
    """
    return order.TRAILING_ORDER.sub("", text)


STREAM_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON}


def stream_saved(store: Store, name: str, params: Mapping[str, str] | None,
                 out: IO[bytes], format: str = "tsv") -> None:
    """Write a saved query's rows to ``out`` as the store yields them, in no particular order.

    The query's ``ORDER BY`` is dropped (see :func:`unordered`), so the first rows come
    before the last are found and nothing is held in memory; the W3C csv/tsv/json
    writer of pyoxigraph writes each solution as it is read. Over many articles, CSV and
    TSV come chunk by chunk from threads (:func:`kg.query.partition.partitioned_stream`),
    a chunk's rows held until it is written.

    >>> import io
    >>> from kg.store import Store
    >>> buf = io.BytesIO()
    >>> stream_saved(Store(), "people", {}, buf, "csv")
    >>> buf.getvalue().decode().strip()
    'articleId,personName,position,organisationName'
    """
    fmt = STREAM_FORMATS.get(format.lower())
    if fmt is None:
        raise DerekError("E307", f"cannot stream format {format!r}",
                         hint="streamed rows come as csv, tsv or json; use --format tsv")
    q = load_saved(name)
    bound = {k: q.term(k, v) for k, v in (params or {}).items()}
    text, graphs = unordered(q.text), _graphs_for(store, q, bound)
    bindings = _substituted(q, bound)

    def check(found: list[str]) -> None:
        missing = [c for c in q.columns if c not in found]
        if missing:
            raise DerekError("E306", f"saved query {name} does not return {', '.join(missing)}",
                             hint="the header's columns must match the SELECT clause")

    if partitioned_stream(store, text, bindings, graphs, out, fmt, check):
        return
    result = store.query(text, bindings, graphs=graphs)
    check([v.value for v in result.variables])
    result.serialize(out, fmt)
