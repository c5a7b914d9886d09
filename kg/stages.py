"""The work done on each article, as typed functions: sentences → NER → rules → RDF → SHACL.

``prepare`` (split sentences) → ``tag`` (NER over a batch's sentences in one stream)
→ ``map_batch`` (rules: ``extract_entities`` → ``find_figures`` → ``find_quotes`` /
``attribute_figures`` → ``link_projects``; then ``to_graph``) → ``gate`` (``validate``);
``finish`` is the last two. :func:`process_articles` runs them all;
:func:`kg.pipeline.build` runs them with NER of the next batch and the gate and store
write of the previous one overlapping the rules, and the distributed engine on its
workers, so every route mints the same triples.

>>> from kg.model import Article
>>> a = Article(id="x1", text="Тақырып\\nЖобаға 18 мыңға жуық адам тартылды.")
>>> [type(r).__name__ for r in process_articles([a], nlp=None)]
['Graph']
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kg.model import Article, Extraction, Mention, Post, Sentence
from kg.read import body_spans
from kg.timing import NO_CLOCK, StageClock

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph
    from spacy.language import Language

log = logging.getLogger(__name__)


@dataclass
class Failure:
    """An article that was read but not stored."""

    article_id: str
    where: str
    code: str
    messages: list[str]

    def __str__(self) -> str:
        first = self.messages[0] if self.messages else ""
        more = f" (+{len(self.messages) - 1} more)" if len(self.messages) > 1 else ""
        return f"not stored {self.article_id} ({self.where}): {self.code}: {first}{more}"


def unique_posts(posts: list[Post]) -> list[Post]:
    """One post per (person, position, organisation) as IRIs see them: positions that differ
    only in case or punctuation («Президенті», «президенті») are the same post; the first wins.

    >>> p = [Post("a", "Президенті"), Post("a", "президенті"), Post("a", "әкімі")]
    >>> [x.position for x in unique_posts(p)]
    ['Президенті', 'әкімі']
    """
    from kg.normalise.translit import slug

    seen: set[tuple[str, str, str | None]] = set()
    out: list[Post] = []
    for post in posts:
        key = (post.person_key, slug(post.position), post.organisation_key)
        if key not in seen:
            seen.add(key)
            out.append(post)
    return out


def article_sentences(article: Article) -> list[Sentence]:
    """The sentences of the article's body (page furniture yields none); split once."""
    from kg.nlp.sentences import split_sentences

    return split_sentences(article.text, body_spans(article.text))


def ner_mentions(
    nlp: Language | None, items: Sequence[tuple[Article, Sequence[Sentence]]]
) -> list[list[Mention]]:
    """NER over the sentences of several articles in one ``nlp.pipe`` stream (the
    transformer groups sentences by length inside a call, so one call for a batch of
    articles pads less than one per article); the mentions of each article, in order."""
    if nlp is None:
        return [[] for _ in items]
    from kg.extract.projects import plausible_project_mention
    from kg.nlp import tag_sentences

    # sentences of all articles, as spans of one text made by joining the articles
    joined: list[str] = []
    spans: list[Sentence] = []
    owners: list[tuple[int, int]] = []  # (article index, offset of its text in the join)
    offset = 0
    for n, (article, sentences) in enumerate(items):
        joined.append(article.text)
        owners.append((n, offset))
        spans += [Sentence(start=offset + x.start, end=offset + x.end, index=x.index,
                           paragraph=x.paragraph) for x in sentences]
        offset += len(article.text) + 1
    text = "\n".join(joined)
    out: list[list[Mention]] = [[] for _ in items]
    starts = [o for _, o in owners]
    for m in tag_sentences(nlp, text, spans):
        n = bisect_right(starts, m.start) - 1
        base = starts[n]
        article = items[n][0]
        if m.label == "PROJECT" and not plausible_project_mention(
            article.text, m.start - base, m.end - base
        ):
            continue
        out[n].append(replace(m, start=m.start - base, end=m.end - base))
    return out


def extract(
    article: Article,
    nlp: Language | None = None,
    *,
    sentences: Sequence[Sentence] | None = None,
    mentions: Sequence[Mention] | None = None,
    clock: StageClock = NO_CLOCK,
) -> Extraction:
    """Run the extraction stages on one article (no RDF, no store).

    ``nlp`` is the NER pipeline (``kg.nlp.load_pipeline()``); with ``None``
    only the rules run. ``sentences`` and ``mentions``, when given, are the article's
    already split sentences and NER mentions (:func:`ner_mentions` tags a batch at once).
    """
    from kg.extract.entities import extract_entities
    from kg.extract.figures import find_figures
    from kg.extract.linking import link_projects
    from kg.extract.quotes import find_quotes
    from kg.extract.reporters import attribute_figures

    text = article.text
    if sentences is None:
        with clock("sentences"):
            sentences = article_sentences(article)
    sentences = list(sentences)
    if mentions is None:
        with clock("ner"):
            mentions = ner_mentions(nlp, [(article, sentences)])[0] if sentences else []
    with clock("rules"):
        ents = extract_entities(text, sentences, list(mentions))
        figures = find_figures(text, sentences)
        quotes = find_quotes(text, sentences, ents.people, ents.posts)
        attribute_figures(text, sentences, figures, quotes)
        link_projects(figures, ents.projects, sentences)
    return Extraction(
        article=article,
        sentences=sentences,
        mentions=list(mentions),
        people=ents.people,
        organisations=ents.organisations,
        places=ents.places,
        projects=ents.projects,
        posts=unique_posts(ents.posts),
        figures=figures,
        quotes=quotes,
    )


@dataclass
class Prepared:
    """A batch of articles with their sentences split (or why an article could not be)."""

    articles: Sequence[Article]
    sentences: list[tuple[int, list[Sentence]]] = field(default_factory=list)
    failed: dict[int, Failure] = field(default_factory=dict)


def prepare(articles: Sequence[Article], clock: StageClock = NO_CLOCK) -> Prepared:
    """Split every article's body into sentences, once."""
    out = Prepared(articles)
    for n, article in enumerate(articles):
        try:
            with clock("sentences"):
                out.sentences.append((n, article_sentences(article)))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the build
            out.failed[n] = _failed(article, exc)
    return out


def tag(nlp: Language | None, batch: Prepared,
        clock: StageClock = NO_CLOCK) -> list[list[Mention] | Exception]:
    """NER mentions of each prepared article (an article that breaks NER gets its error)."""
    with clock("ner"):
        items = [(batch.articles[n], s) for n, s in batch.sentences]
        try:
            return list(ner_mentions(nlp, items))
        except Exception:  # noqa: BLE001 - find the article that breaks NER, tag the rest
            return [_tag_alone(nlp, a, s) for a, s in items]


def map_batch(
    batch: Prepared,
    tagged: Sequence[list[Mention] | Exception],
    nlp: Language | None = None,
    base_iri: str | None = None,
    clock: StageClock = NO_CLOCK,
) -> list[Graph | Failure]:
    """Rules and RDF for a tagged batch: each article's graph (not validated yet), or
    why not (an extraction error is ``E030``)."""
    from kg.map import to_graph

    out: dict[int, Graph | Failure] = dict(batch.failed)
    for (n, sentences), mentions in zip(batch.sentences, tagged, strict=True):
        article = batch.articles[n]
        if isinstance(mentions, Exception):
            out[n] = _failed(article, mentions)
            continue
        try:
            extraction = extract(article, nlp, sentences=sentences, mentions=mentions, clock=clock)
            with clock("map"):
                out[n] = to_graph(extraction, base=base_iri)
        except Exception as exc:  # noqa: BLE001
            out[n] = _failed(article, exc)
    return [out[n] for n in range(len(batch.articles))]


def gate(articles: Sequence[Article], graphs: Sequence[Graph | Failure],
         clock: StageClock = NO_CLOCK) -> list[Graph | Failure]:
    """The SHACL gate: each graph that conforms to the shapes, or ``E040`` with the
    validator's messages (failures before the gate pass through)."""
    from kg.validate import validate

    out: list[Graph | Failure] = []
    for article, graph in zip(articles, graphs, strict=True):
        if isinstance(graph, Failure):
            out.append(graph)
            continue
        with clock("validate"):
            result = validate(graph)
        out.append(graph if result.conforms else Failure(
            article.id, article.path or article.id, "E040",
            list(result.messages) or ["does not conform"]))
    return out


def finish(
    batch: Prepared,
    tagged: Sequence[list[Mention] | Exception],
    nlp: Language | None = None,
    base_iri: str | None = None,
    clock: StageClock = NO_CLOCK,
) -> list[Graph | Failure]:
    """Rules, RDF and the SHACL gate for a tagged batch: each article's graph, or why not.

    Never raises for a bad article: an extraction error is ``E030``, a graph that
    does not conform to the shapes ``E040`` (with the validator's messages).
    """
    return gate(batch.articles, map_batch(batch, tagged, nlp, base_iri, clock), clock)


def process_articles(
    articles: Sequence[Article],
    nlp: Language | None = None,
    base_iri: str | None = None,
    *,
    clock: StageClock = NO_CLOCK,
) -> list[Graph | Failure]:
    """Several articles through every stage, NER batched: each article's graph, or why
    not (``E030``/``E040``; see :func:`finish`), in the order of ``articles``."""
    batch = prepare(articles, clock)
    return finish(batch, tag(nlp, batch, clock), nlp, base_iri, clock)


def _failed(article: Article, exc: Exception) -> Failure:
    log.error("extraction failed for %s", article.id, exc_info=exc)
    return Failure(article.id, article.path or article.id, "E030", [f"extraction failed: {exc!r}"])


def _tag_alone(nlp: Language | None, article: Article,
               sentences: list[Sentence]) -> list[Mention] | Exception:
    try:
        return ner_mentions(nlp, [(article, sentences)])[0]
    except Exception as exc:  # noqa: BLE001
        return exc


def process_article(
    article: Article, nlp: Language | None = None, base_iri: str | None = None
) -> Graph | Failure:
    """One article through extraction, mapping and the SHACL gate (see :func:`process_articles`)."""
    return process_articles([article], nlp, base_iri)[0]


