"""One :class:`~kg.model.Extraction` → the RDF triples of one article.

The caller stores the result in the article's named graph
(:func:`kg.iri.graph`). Every triple the saved queries need is in that graph:
entities carry ``derek:mentionedIn`` the article, and article-scoped nodes
(figures, sentences, posts, quotes, the text) ``prov:wasDerivedFrom`` it, so
``GRAPH ?g { … ?article derek:articleId ?articleId }`` yields the article id
for each row. The shapes in ``shapes/derek-shapes.ttl`` describe what is
written here (spec: ``shared/spec/extraction.md`` §1–3).

Links to keys the extraction does not define (a post's organisation, a
figure's project or reporter, an organisation's parent) are left out rather
than pointing at nodes without a label.

>>> from decimal import Decimal
>>> from kg.model import Article, Extraction, Figure, Person, Sentence
>>> text = "«Жоба аясында 986 адам жұмысқа орналасты», – деді Жеңіс Асанов."
>>> ex = Extraction(
...     article=Article(id="a1", text=text),
...     sentences=[Sentence(start=0, end=len(text))],
...     people=[Person(key="zhenis-asanov", name="Жеңіс Асанов")],
...     figures=[Figure(start=14, end=22, text="986 адам", value=Decimal(986),
...                     unit="person", reporter_key="zhenis-asanov")])
>>> g = to_graph(ex, base="https://derek.kz/")
>>> fig = next(g.subjects(RDF.type, DEREK.Figure))
>>> g.value(fig, DEREK.value)
rdflib.term.Literal('986', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
>>> g.value(g.value(fig, DEREK.reportedBy), RDFS.label)
rdflib.term.Literal('Жеңіс Асанов', lang='kk')
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from kg import iri
from kg.model import Article, Extraction, Figure, Post, Quote, Sentence
from kg.normalise.translit import translit
from kg.read.latin import Converted, to_cyrillic
from kg.vocab import (
    DEREK,
    FOAF,
    NIF,
    ORG,
    PREFIXES,
    PROV,
    QUDT_UNITS,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
)

log = logging.getLogger(__name__)

KK = "kk"
KK_LATN = "kk-Latn"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")


def _source_of(article: Article) -> Converted | None:
    """The offset map back to a Latin-script original, when the article has one."""
    if not article.original:
        return None
    conv = to_cyrillic(article.original)
    if conv.text != article.text:
        log.warning("article %s: its text is not the transliteration of its original; "
                    "offsets point into the transliteration", article.id)
        return None
    return conv


def decimal_literal(value: Decimal | int | float | str) -> Literal:
    """An ``xsd:decimal`` literal in plain notation (never ``9.25E+7``).

    >>> str(decimal_literal(Decimal("9.25E+7"))), str(decimal_literal(Decimal("92.50")))
    ('92500000', '92.5')
    """
    d = Decimal(str(value))
    if not d.is_finite():
        raise ValueError(f"not a finite decimal: {value!r}")
    text = format(d.normalize(), "f")
    return Literal("0" if text in ("-0", "") else text, datatype=XSD.decimal)


def _offset(n: int) -> Literal:
    # NIF declares xsd:nonNegativeInteger, but pyoxigraph stores derived integer
    # types as xsd:integer; writing xsd:integer keeps stored graphs valid.
    return Literal(int(n), datatype=XSD.integer)


class _Mapper:
    """Holds the graph and the article while one extraction is mapped."""

    def __init__(self, ex: Extraction, base: str | None) -> None:
        self.ex = ex
        self.base = iri.base_iri(base)
        self.aid = ex.article.id
        self.article = iri.article(self.aid, self.base)
        self.context = iri.text_context(self.aid, self.base)
        self.g = Graph(store="SimpleMemory")  # no contexts to index: to_graph ~1.6× faster
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns)
        self.source = _source_of(ex.article)
        #: the text as given: the graph's strings and offsets point into it
        self.shown: str = (ex.article.original or "") if self.source is not None else ex.article.text

    # -- helpers ---------------------------------------------------------
    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.g.add((s, p, o))

    def labels(self, node: URIRef, name: str, latin: str = "") -> None:
        """rdfs:label in Kazakh, skos:altLabel in the Kazakh Latin alphabet."""
        self.add(node, RDFS.label, Literal(name, lang=KK))
        lat = latin or translit(name)
        if lat:
            self.add(node, SKOS.altLabel, Literal(lat, lang=KK_LATN))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the text as the user gave it (the same unless it was Latin script)."""
        return (start, end) if self.source is None else self.source.source_span(start, end)

    def surface(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.shown[s:e]

    def anchor(self, node: URIRef, start: int, end: int) -> None:
        """NIF offsets of ``node`` in the text as given, plus its surface string."""
        start, end = self.span(start, end)
        self.add(node, NIF.beginIndex, _offset(start))
        self.add(node, NIF.endIndex, _offset(end))
        self.add(node, NIF.anchorOf, Literal(self.shown[start:end]))
        self.add(node, NIF.referenceContext, self.context)
        self.add(node, PROV.wasDerivedFrom, self.article)

    # -- the article -----------------------------------------------------
    def map_article(self, a: Article) -> None:
        s = self.article
        self.add(s, RDF.type, SCHEMA.NewsArticle)
        self.add(s, RDF.type, PROV.Entity)
        self.add(s, DEREK.articleId, Literal(a.id))
        if a.title:
            lang = KK_LATN if self.source is not None else KK
            self.add(s, SCHEMA.headline, Literal(a.title, lang=lang))
            self.add(s, RDFS.label, Literal(a.title, lang=lang))
        if a.url:
            self.add(s, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI))
        if a.date:
            if _DATE.match(a.date):
                self.add(s, SCHEMA.datePublished, Literal(a.date, datatype=XSD.date))
            elif _DATETIME.match(a.date):
                # xsd:dateTime needs seconds: «2020-12-24T09:31» → «2020-12-24T09:31:00»
                stamp = re.sub(r"(T\d{2}:\d{2})(?=$|Z|[+-])", r"\1:00", a.date)
                self.add(s, SCHEMA.datePublished, Literal(stamp, datatype=XSD.dateTime))
            else:
                self.add(s, SCHEMA.datePublished, Literal(a.date))
        if a.source:
            self.add(s, DEREK.source, Literal(a.source))
        if a.publisher:
            self.add(s, SCHEMA.publisher, Literal(a.publisher))
        c = self.context
        self.add(s, DEREK.hasText, c)
        self.add(c, RDF.type, NIF.Context)
        self.add(c, RDF.type, NIF.String)
        self.add(c, NIF.isString, Literal(self.shown))
        self.add(c, NIF.beginIndex, _offset(0))
        self.add(c, NIF.endIndex, _offset(len(self.shown)))
        self.add(c, PROV.wasDerivedFrom, s)

    def sentence(self, sent: Sentence) -> URIRef:
        node = iri.sentence(self.aid, *self.span(sent.start, sent.end), self.base)
        if (node, RDF.type, NIF.Sentence) not in self.g:
            self.add(node, RDF.type, NIF.Sentence)
            self.add(node, RDF.type, NIF.String)
            self.anchor(node, sent.start, sent.end)
        return node

    # -- entities --------------------------------------------------------
    def entity(self, node: URIRef, classes: tuple[URIRef, ...], name: str, latin: str) -> None:
        for cls in classes:
            self.add(node, RDF.type, cls)
        self.labels(node, name, latin)
        self.add(node, DEREK.mentionedIn, self.article)

    def map_entities(self) -> None:
        ex, b = self.ex, self.base
        for p in ex.people:
            self.entity(iri.person(p.key, b), (SCHEMA.Person, FOAF.Person), p.name, p.latin)
        org_keys = {o.key for o in ex.organisations}
        for o in ex.organisations:
            node = iri.organisation(o.key, b)
            self.entity(node, (ORG.Organization,), o.name, o.latin)
            if o.parent_key and o.parent_key in org_keys and o.parent_key != o.key:
                self.add(node, ORG.subOrganizationOf, iri.organisation(o.parent_key, b))
        for pl in ex.places:
            self.entity(iri.place(pl.key, b), (DEREK.Place, SCHEMA.Place), pl.name, pl.latin)
        for pr in ex.projects:
            node = iri.project(pr.key, b)
            self.entity(node, (DEREK.Project,), pr.name, pr.latin)
            if pr.kind:
                self.add(node, DEREK.projectKind, Literal(pr.kind, lang=KK))

    def holder(self, key: str | None) -> URIRef | None:
        """The node a post is in: an organisation, else a place (an akim's city)."""
        if key is None:
            return None
        if self.ex.organisation(key) is not None:
            return iri.organisation(key, self.base)
        if any(pl.key == key for pl in self.ex.places):
            return iri.place(key, self.base)
        log.debug("post organisation %r not among the article's entities", key)
        return None

    def map_post(self, post: Post) -> None:
        if self.ex.person(post.person_key) is None or not post.position.strip():
            log.debug("skipping post %r: unknown person or empty title", post)
            return
        b = self.base
        node = iri.post(self.aid, post.person_key, post.position, post.organisation_key, b)
        person = iri.person(post.person_key, b)
        role = iri.role(post.position, b)
        self.add(node, RDF.type, ORG.Post)
        self.add(node, DEREK.postTitle, Literal(post.position, lang=KK))
        self.add(node, ORG.role, role)
        self.add(node, ORG.heldBy, person)
        self.add(person, ORG.holds, node)
        self.add(node, PROV.wasDerivedFrom, self.article)
        self.add(role, RDF.type, ORG.Role)
        self.add(role, SKOS.prefLabel, Literal(post.position, lang=KK))
        org = self.holder(post.organisation_key)
        if org is not None:
            self.add(node, ORG.postIn, org)
        if post.mention is not None:
            self.anchor(node, post.mention.start, post.mention.end)

    # -- figures and quotes ----------------------------------------------
    def figure_sentence(self, fig: Figure) -> Sentence | None:
        ex = self.ex
        by_index = [s for s in ex.sentences if s.index == fig.sentence_index]
        if fig.sentence_index >= 0 and len(by_index) == 1:
            s = by_index[0]
            if s.start <= fig.start < s.end:
                return s
        return ex.sentence_of(fig.start)

    def map_figure(self, fig: Figure) -> None:
        try:
            value = decimal_literal(fig.value)
        except (ValueError, ArithmeticError):
            log.warning("article %s: skipping figure %r with value %r", self.aid, fig.text, fig.value)
            return
        node = iri.figure(self.aid, *self.span(fig.start, fig.end), self.base)
        text = self.surface(fig.start, fig.end) if self.source else fig.text or self.surface(
            fig.start, fig.end)
        self.add(node, RDF.type, DEREK.Figure)
        self.add(node, RDF.type, NIF.String)
        self.add(node, DEREK.value, value)
        self.add(node, DEREK.unit, Literal(fig.unit))
        if fig.unit in QUDT_UNITS:
            self.add(node, DEREK.qudtUnit, QUDT_UNITS[fig.unit])
        self.add(node, DEREK.qualifier, Literal(fig.qualifier))
        self.add(node, DEREK.figureText, Literal(text))
        self.anchor(node, fig.start, fig.end)
        sent = self.figure_sentence(fig)
        if sent is not None:
            self.add(node, DEREK.inSentence, self.sentence(sent))
        if fig.project_key and self.ex.project(fig.project_key) is not None:
            self.add(node, DEREK.aboutProject, iri.project(fig.project_key, self.base))
        if fig.reporter_key and self.ex.person(fig.reporter_key) is not None:
            reporter = iri.person(fig.reporter_key, self.base)
            self.add(node, DEREK.reportedBy, reporter)
            self.add(node, PROV.wasAttributedTo, reporter)

    def map_quote(self, q: Quote) -> None:
        node = iri.quote_node(self.aid, *self.span(q.start, q.end), self.base)
        self.add(node, RDF.type, DEREK.Quote)
        self.add(node, RDF.type, NIF.String)
        self.add(node, DEREK.quoteKind, Literal(q.kind))
        self.anchor(node, q.start, q.end)
        if q.speaker_key and self.ex.person(q.speaker_key) is not None:
            speaker = iri.person(q.speaker_key, self.base)
            self.add(node, DEREK.speaker, speaker)
            self.add(node, PROV.wasAttributedTo, speaker)

    def run(self) -> Graph:
        self.map_article(self.ex.article)
        self.map_entities()
        for post in self.ex.posts:
            self.map_post(post)
        for fig in self.ex.figures:
            self.map_figure(fig)
        for q in self.ex.quotes:
            self.map_quote(q)
        return self.g


def to_graph(extraction: Extraction, base: str | None = None) -> Graph:
    """The triples of one article, ready for its named graph.

    ``base`` overrides ``$DEREK_BASE_IRI`` / ``https://derek.kz/`` for data IRIs.
    """
    return _Mapper(extraction, base).run()
