"""Query results as rows, and their formats: table, csv, tsv, json.

csv, tsv and json are the W3C SPARQL 1.1 result formats, written by
pyoxigraph's ``QueryResultsFormat``; ``table`` is aligned text for people.

>>> import pyoxigraph as ox
>>> rows = Rows.from_terms(["articleId", "reporterName"],
...                        [(ox.Literal("a1"), ox.Literal("Жеңіс Асанов", language="kk")),
...                         (ox.Literal("a2"), None)])
>>> print(format_rows(rows, "table"))
articleId  reporterName
---------  ------------
a1         Жеңіс Асанов
a2
>>> print(format_rows(rows, "csv").replace("\\r", ""))
articleId,reporterName
a1,Жеңіс Асанов
a2,
<BLANKLINE>
>>> rows.records()[1]
{'articleId': 'a2', 'reporterName': None}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

FORMATS = ("table", "csv", "tsv", "json")
_W3C = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
        "json": ox.QueryResultsFormat.JSON}


def _term_json(term: Term) -> dict[str, object]:
    """A term in the W3C SPARQL 1.1 JSON results encoding."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {
        "subject": _term_json(term.subject), "predicate": _term_json(term.predicate),
        "object": _term_json(term.object)}}


def plain(term: Term | None) -> str | None:
    """A term's plain value: a literal's lexical form, an IRI, ``_:b`` for a blank node."""
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


@dataclass
class Rows:
    """Result rows with named columns; each cell a pyoxigraph term or ``None`` (unbound)."""

    columns: list[str]
    terms: list[tuple[Term | None, ...]] = field(default_factory=list)

    @classmethod
    def from_solutions(cls, solutions: ox.QuerySolutions) -> Rows:
        columns = [v.value for v in solutions.variables]
        terms = [tuple(sol) for sol in solutions]  # in the variables' order, None unbound
        return cls(columns, terms)

    @classmethod
    def from_terms(cls, columns: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> Rows:
        return cls(list(columns), [tuple(r) for r in rows])

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[dict[str, str | None]]:
        return iter(self.records())

    def records(self) -> list[dict[str, str | None]]:
        """Rows as dicts of plain values (``None`` where unbound)."""
        return [{c: plain(t) for c, t in zip(self.columns, row, strict=True)} for row in self.terms]

    #: the same as :meth:`records`
    as_dicts = records

    def column(self, name: str) -> list[str | None]:
        i = self.columns.index(name)
        return [plain(row[i]) for row in self.terms]

    def to_w3c_json(self) -> bytes:
        """W3C SPARQL 1.1 Query Results JSON, built directly from the terms."""
        bindings = [{c: _term_json(t) for c, t in zip(self.columns, row, strict=True) if t is not None}
                    for row in self.terms]
        doc = {"head": {"vars": self.columns}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")

    def serialize(self, format: str) -> bytes:
        """csv / tsv / json in the W3C formats (pyoxigraph writes them)."""
        parsed = ox.parse_query_results(self.to_w3c_json(), format=ox.QueryResultsFormat.JSON)
        out = parsed.serialize(format=_W3C[format])  # type: ignore[union-attr]
        return out if out is not None else b""

    def table(self) -> str:
        """Aligned text columns; unbound cells are empty."""
        cells = [[plain(t) or "" for t in row] for row in self.terms]
        cells = [[v.replace("\n", " ") for v in row] for row in cells]
        widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(self.columns)]

        def line(values: Sequence[str]) -> str:
            return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

        out = [line(self.columns), line(["-" * w for w in widths])]
        out.extend(line(row) for row in cells)
        return "\n".join(out)


def format_rows(rows: Rows, format: str = "table") -> str:
    """Rows as text in one of :data:`FORMATS`."""
    fmt = format.lower()
    if fmt == "table":
        return rows.table()
    if fmt not in _W3C:
        from kg.errors import DerekError

        raise DerekError("E307", f"unknown result format {format!r}", hint="one of: " + ", ".join(FORMATS))
    return rows.serialize(fmt).decode("utf-8")
