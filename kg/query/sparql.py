"""Ad-hoc SPARQL: queries only, never updates.

The store is queried read-only. pyoxigraph's ``Store.query`` already rejects an
update with a ``SyntaxError``; :func:`looks_like_update` recognises the update
forms (after the prologue and comments) so the user gets ``E302`` instead of a
parser message.

>>> looks_like_update("PREFIX x: <http://x/>  # comment\\nINSERT DATA { x:a x:b x:c }")
True
>>> looks_like_update("SELECT * WHERE { ?s ?p ?o }")
False
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import DerekError
from kg.query.results import Rows

if TYPE_CHECKING:
    from kg.store import Store

_COMMENT = re.compile(r"#[^\n]*")
_IRI = re.compile(r"<[^<>\s]*>")
_PROLOGUE = re.compile(r"^\s*(?:(?:BASE\s*<>|PREFIX\s+[\w.-]*:\s*<>)\s*)*", re.IGNORECASE)
_UPDATE = re.compile(
    r"^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE
)


def looks_like_update(text: str) -> bool:
    """Does ``text`` start (after comments and its prologue) with an update keyword?"""
    body = _IRI.sub("<>", _COMMENT.sub(" ", text))
    body = _PROLOGUE.sub("", body, count=1)
    return bool(_UPDATE.match(body))


def run_sparql(store: Store, text: str, bindings: Mapping[str, Any] | None = None) -> Rows | bool:
    """Run an ad-hoc query: ``Rows`` for SELECT/CONSTRUCT/DESCRIBE, ``bool`` for ASK.

    CONSTRUCT/DESCRIBE results come back as rows with columns subject, predicate,
    object. Updates are refused with ``E302``.
    """
    if looks_like_update(text):
        raise DerekError("E302", "updates are not allowed: the store is queried read-only",
                         hint="use SELECT, ASK, CONSTRUCT or DESCRIBE; rebuild to change data")
    result = store.query(text, bindings)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        return Rows.from_solutions(result)
    triples = [(t.subject, t.predicate, t.object) for t in result]
    return Rows.from_terms(["subject", "predicate", "object"], triples)
