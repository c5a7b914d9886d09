"""SPARQL 1.1 Protocol details that need no store: request parsing and media types.

Everything here is a pure function, so the HTTP layer (:mod:`kg.serve.app`)
stays thin and the query worker (:mod:`kg.serve.worker`) gets plain data.

>>> form_of("PREFIX ex: <http://e/> SELECT * { ?s ?p ?o }")
'SELECT'
>>> is_update("# comment\\nINSERT DATA { <a:b> <a:c> <a:d> }")
True
>>> accepted("text/csv;q=0.5, application/sparql-results+json")
['application/sparql-results+json', 'text/csv']
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

#: media types for SELECT / ASK results, best first; value: the pyoxigraph format name
RESULTS_TYPES: dict[str, str] = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}

#: media types for CONSTRUCT / DESCRIBE results, best first
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "text/plain": "N_TRIPLES",
}

#: short names accepted in the non-standard ``format=`` / ``output=`` parameters
SHORT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}

_UPDATE_WORDS = (
    "INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH",
)
_QUERY_WORDS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_PROLOGUE = re.compile(
    r"""\s*(?:
        \#[^\n]*                                   # comment
      | BASE\s*<[^>]*>                             # BASE <iri>
      | PREFIX\s+[A-Za-z0-9_.\-\u00C0-\uFFFF]*:\s*<[^>]*>  # PREFIX p: <iri>
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"\s*([A-Za-z]+)")


def _first_keyword(text: str) -> str:
    """The first keyword after the prologue (comments, BASE, PREFIX), upper-cased.

    >>> _first_keyword("BASE <http://x/> prefix a: <http://a/> # hi\\n ask {}")
    'ASK'
    """
    pos = 0
    while True:
        m = _PROLOGUE.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    m = _WORD.match(text, pos)
    return m.group(1).upper() if m else ""


def form_of(query: str) -> str:
    """The query form (SELECT, CONSTRUCT, DESCRIBE, ASK), or ``""`` if not a query.

    >>> form_of("construct where { ?s ?p ?o }"), form_of("DROP ALL")
    ('CONSTRUCT', '')
    """
    word = _first_keyword(query)
    return word if word in _QUERY_WORDS else ""


def is_update(text: str) -> bool:
    """Whether ``text`` looks like a SPARQL Update request (which this endpoint refuses).

    >>> is_update("DELETE WHERE { ?s ?p ?o }"), is_update("SELECT * {}")
    (True, False)
    """
    return _first_keyword(text) in _UPDATE_WORDS


def accepted(header: str | None) -> list[str]:
    """Media types from an ``Accept`` header, by decreasing q (stable), q=0 dropped.

    >>> accepted(None)
    ['*/*']
    >>> accepted("text/turtle;q=0.9, application/n-triples, */*;q=0")
    ['application/n-triples', 'text/turtle']
    """
    if not header or not header.strip():
        return ["*/*"]
    items: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            items.append((-q, index, media))
    return [media for _, _, media in sorted(items)]


def negotiate(kind: str, accept: list[str]) -> tuple[str, str] | None:
    """Pick ``(media type, pyoxigraph format name)`` for a result ``kind``.

    ``kind`` is ``"solutions"`` (SELECT/ASK) or ``"graph"`` (CONSTRUCT/DESCRIBE);
    ``None`` means nothing acceptable (HTTP 406).

    >>> negotiate("solutions", ["text/html", "*/*"])
    ('application/sparql-results+json', 'JSON')
    >>> negotiate("graph", ["application/sparql-results+json", "text/*"])
    ('text/turtle', 'TURTLE')
    >>> negotiate("solutions", ["text/turtle"]) is None
    True
    """
    table = RESULTS_TYPES if kind == "solutions" else GRAPH_TYPES
    for media in accept:
        if media in table:
            return media, table[media]
        if media == "*/*":
            first = next(iter(table))
            return first, table[first]
        if media.endswith("/*"):
            family = media[:-1]
            for known, fmt in table.items():
                if known.startswith(family):
                    return known, fmt
    return None


def parse_form(body: bytes) -> dict[str, list[str]]:
    """Decode an ``application/x-www-form-urlencoded`` body (UTF-8).

    >>> parse_form(b"query=SELECT+%3Fs+%7B%7D&default-graph-uri=http%3A%2F%2Fg")
    {'query': ['SELECT ?s {}'], 'default-graph-uri': ['http://g']}
    """
    return parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)


def media_type(content_type: str | None) -> str:
    """The bare media type of a ``Content-Type`` header, lower-cased.

    >>> media_type("application/sparql-query; charset=UTF-8")
    'application/sparql-query'
    """
    return (content_type or "").split(";", 1)[0].strip().lower()
