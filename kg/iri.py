"""Every IRI Derek writes is minted here, from normalised keys, under one base.

The base defaults to ``https://derek.kz/`` and can be changed with the
``DEREK_BASE_IRI`` environment variable or the ``base`` parameter of each
function. Data lives under ``<base>id/…``, per-article named graphs under
``<base>graph/…``. The ontology namespace (``https://derek.kz/ontology#``, see
:mod:`kg.vocab`) is fixed, so saved queries work whatever the data base is.

Keys are already ASCII slugs (:func:`kg.normalise.translit.slug`), but every
segment still goes through :func:`segment`, which percent-encodes anything
outside ``[A-Za-z0-9._-]``, so quotes, «», slashes, spaces, newlines or emoji
can never produce an invalid IRI (RFC 3987) or an extra path segment.

Entities (people, organisations, places, projects, roles) get one node across
articles; everything that belongs to one article (figures, sentences, posts,
quotes, its text) is minted under the article's IRI.

>>> person("zhenis-asanov", base="https://derek.kz/")
rdflib.term.URIRef('https://derek.kz/id/person/zhenis-asanov')
>>> graph("000_23f1", base="https://derek.kz/")
rdflib.term.URIRef('https://derek.kz/graph/000_23f1')
>>> str(figure("a/b «c»", 10, 13, base="https://derek.kz/"))
'https://derek.kz/id/article/a%2Fb%20%C2%ABc%C2%BB/figure/10-13'
>>> article_id_of_graph(graph("a/b «c»", base="https://derek.kz/"), base="https://derek.kz/")
'a/b «c»'
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote, unquote

from rdflib import URIRef

from kg.errors import DerekError
from kg.normalise.translit import slug

DEFAULT_BASE = "https://derek.kz/"
ENV_VAR = "DEREK_BASE_IRI"

_SAFE = "-._"  # plus ASCII letters and digits, which quote() never escapes
_BASE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"{}|\\^`]+$")


def base_iri(base: str | None = None) -> str:
    """The data base IRI: ``base``, else ``$DEREK_BASE_IRI``, else ``https://derek.kz/``.

    A missing trailing ``/`` or ``#`` is added.

    >>> base_iri("https://news.example.kz")
    'https://news.example.kz/'
    """
    value = base or os.environ.get(ENV_VAR) or DEFAULT_BASE
    if not _BASE_RE.match(value):
        raise DerekError(
            "E101",
            f"invalid base IRI {value!r}",
            hint=f"set {ENV_VAR} to an absolute IRI such as {DEFAULT_BASE}",
        )
    return value if value.endswith(("/", "#")) else value + "/"


def segment(text: str) -> str:
    """One path segment: percent-encoded UTF-8, never empty, never ``.``/``..``.

    >>> segment("zhenis-asanov")
    'zhenis-asanov'
    >>> segment('a "b"/c\\n😀')
    'a%20%22b%22%2Fc%0A%F0%9F%98%80'
    >>> segment(""), segment(".."), segment("~")
    ('~', '%2E%2E', '%7E')
    """
    if not text:
        return "~"
    if set(text) == {"."}:
        return "%2E" * len(text)
    return quote(text.encode("utf-8", "surrogatepass"), safe=_SAFE).replace("~", "%7E")


def _mint(base: str | None, *parts: str) -> URIRef:
    return URIRef(base_iri(base) + "/".join(parts))


def article(article_id: str, base: str | None = None) -> URIRef:
    """The article node (a ``schema:NewsArticle``)."""
    return _mint(base, "id", "article", segment(article_id))


def graph(article_id: str, base: str | None = None) -> URIRef:
    """The named graph holding one article's triples."""
    return _mint(base, "graph", segment(article_id))


def graph_prefix(base: str | None = None) -> str:
    """The string every article graph name starts with."""
    return base_iri(base) + "graph/"


def article_id_of_graph(name: str, base: str | None = None) -> str | None:
    """The article id a graph name was minted from, or ``None`` for other graphs."""
    prefix = graph_prefix(base)
    if not name.startswith(prefix) or "/" in name[len(prefix) :]:
        return None
    rest = name[len(prefix) :]
    return "" if rest == "~" else unquote(rest)


def _in_article(article_id: str, kind: str, local: str, base: str | None) -> URIRef:
    return URIRef(f"{article(article_id, base)}/{kind}/{local}")


def text_context(article_id: str, base: str | None = None) -> URIRef:
    """The article's full text as a ``nif:Context``."""
    return URIRef(f"{article(article_id, base)}/text")


def sentence(article_id: str, start: int, end: int, base: str | None = None) -> URIRef:
    """A sentence, by its character offsets in the article text."""
    return _in_article(article_id, "sentence", f"{int(start)}-{int(end)}", base)


def figure(article_id: str, start: int, end: int, base: str | None = None) -> URIRef:
    """A figure, by its character offsets in the article text."""
    return _in_article(article_id, "figure", f"{int(start)}-{int(end)}", base)


def quote_node(article_id: str, start: int, end: int, base: str | None = None) -> URIRef:
    """A quotation, by its character offsets in the article text."""
    return _in_article(article_id, "quote", f"{int(start)}-{int(end)}", base)


def post(
    article_id: str,
    person_key: str,
    position: str,
    organisation_key: str | None = None,
    base: str | None = None,
) -> URIRef:
    """A post (person × position × organisation) as stated in one article."""
    local = f"{segment(person_key)}/{segment(slug(position))}"
    if organisation_key:
        local += f"/{segment(organisation_key)}"
    return _in_article(article_id, "post", local, base)


def person(key: str, base: str | None = None) -> URIRef:
    """A person; the same key in two articles gives the same node."""
    return _mint(base, "id", "person", segment(key))


def organisation(key: str, base: str | None = None) -> URIRef:
    """An organisation (party, branch, akimat, ministry, company …)."""
    return _mint(base, "id", "organisation", segment(key))


def place(key: str, base: str | None = None) -> URIRef:
    """A region, city, district or village."""
    return _mint(base, "id", "place", segment(key))


def project(key: str, base: str | None = None) -> URIRef:
    """A named programme, project, campaign or action."""
    return _mint(base, "id", "project", segment(key))


def role(position: str, base: str | None = None) -> URIRef:
    """An ``org:Role`` for a position title («әкімі» → ``…/id/role/akimi``)."""
    return _mint(base, "id", "role", segment(slug(position)))
