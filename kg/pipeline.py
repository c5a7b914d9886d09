"""The main job: articles → extraction → RDF → SHACL validation → embedded store.

Each stage is a plain function; this module only wires them:

``read_inputs`` → ``body_spans`` / ``split_sentences`` → ``tag_sentences`` (NER)
→ ``extract_entities`` → ``find_figures`` → ``find_quotes`` / ``attribute_figures``
→ ``link_projects`` → ``to_graph`` → ``validate`` → ``Store.replace_article``.

An article that fails any stage, or whose graph does not conform to the
shapes, is reported and not stored; what the store held before is untouched.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.model import Article, Extraction, Mention, Post, Sentence
from kg.read import Skipped, body_spans, read_inputs
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


@dataclass
class BuildReport:
    stored: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.stored)} article(s) stored, {len(self.skipped)} skipped, "
            f"{len(self.failed)} not stored (invalid); store holds {self.triples} triples"
        )


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


#: articles per batch in :func:`build`: NER runs over their sentences in one stream and
#: the store writes them in one transaction
BATCH_ARTICLES = 16


def process_articles(
    articles: Sequence[Article],
    nlp: Language | None = None,
    base_iri: str | None = None,
    *,
    clock: StageClock = NO_CLOCK,
) -> list[Graph | Failure]:
    """Several articles through extraction, mapping and the SHACL gate, NER batched:
    each article's graph, or why not (same order as ``articles``).

    Never raises for a bad article: an extraction error is ``E030``, a graph that
    does not conform to the shapes ``E040`` (with the validator's messages).
    Local builds and the distributed engine both call this, so they mint the same triples.
    """
    from kg.map import to_graph
    from kg.validate import validate

    out: list[Graph | Failure | None] = [None] * len(articles)
    ready: list[tuple[int, list[Sentence]]] = []
    for n, article in enumerate(articles):
        try:
            with clock("sentences"):
                ready.append((n, article_sentences(article)))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the build
            out[n] = _failed(article, exc)
    with clock("ner"):
        try:
            tagged = ner_mentions(nlp, [(articles[n], s) for n, s in ready])
        except Exception:  # noqa: BLE001 - find the article that breaks NER, tag the rest
            tagged = [_tag_alone(nlp, articles[n], s) for n, s in ready]
    for (n, sentences), mentions in zip(ready, tagged, strict=True):
        article = articles[n]
        if isinstance(mentions, Exception):
            out[n] = _failed(article, mentions)
            continue
        try:
            extraction = extract(article, nlp, sentences=sentences, mentions=mentions, clock=clock)
            with clock("map"):
                graph = to_graph(extraction, base=base_iri)
        except Exception as exc:  # noqa: BLE001
            out[n] = _failed(article, exc)
            continue
        with clock("validate"):
            result = validate(graph)
        out[n] = graph if result.conforms else Failure(
            article.id, article.path or article.id, "E040",
            list(result.messages) or ["does not conform"])
    return [x for x in out if x is not None]


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


def _batches(items: Iterable[Article | Skipped], size: int,
             clock: StageClock) -> Iterator[list[Article | Skipped]]:
    batch: list[Article | Skipped] = []
    it = iter(items)
    while True:
        with clock("read"):
            item = next(it, None)
        if item is None:
            break
        batch.append(item)
        if sum(isinstance(x, Article) for x in batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build(
    paths: Iterable[str | Path],
    store_dir: str | Path = "kg-store",
    *,
    nlp: Language | None | str = "default",
    base_iri: str | None = None,
    on_event: Callable[[str, Any], None] | None = None,
    clock: StageClock = NO_CLOCK,
    batch_articles: int = BATCH_ARTICLES,
) -> BuildReport:
    """Build the graph of every article under ``paths`` into the store at ``store_dir``.

    ``on_event(kind, payload)`` receives ``("article", Article)``, ``("skipped",
    Skipped)``, ``("failed", Failure)`` and ``("stored", article_id)`` events,
    for progress bars and messages. Articles go through in batches of
    ``batch_articles``; each batch's good graphs are written in one transaction.
    ``clock`` (a :class:`kg.timing.StageClock`) collects each stage's seconds.
    """
    from kg.store import Store

    emit = on_event or (lambda kind, payload: None)
    if nlp == "default":
        from kg.nlp import load_pipeline

        nlp = load_pipeline()
    report = BuildReport()
    store = Store(store_dir)
    seen: dict[str, str] = {}
    try:
        for batch in _batches(read_inputs(paths), batch_articles, clock):
            todo: list[Article] = []
            for item in batch:
                if isinstance(item, Skipped):
                    report.skipped.append(item)
                    emit("skipped", item)
                    continue
                emit("article", item)
                where = item.path or item.id
                if item.id in seen:
                    fail = Failure(item.id, where, "E020",
                                   [f"duplicate article id (also {seen[item.id]})"])
                    report.failed.append(fail)
                    emit("failed", fail)
                    continue
                seen[item.id] = where
                todo.append(item)
            good: dict[str, Graph] = {}
            for article, outcome in zip(
                todo, process_articles(todo, nlp, base_iri, clock=clock), strict=True  # type: ignore[arg-type]
            ):
                if isinstance(outcome, Failure):
                    report.failed.append(outcome)
                    emit("failed", outcome)
                else:
                    good[article.id] = outcome
            with clock("store"):
                not_stored = store.replace_articles(good)
            for article_id, err in not_stored.items():
                fail = Failure(article_id, seen[article_id], err.code, [err.message])
                report.failed.append(fail)
                emit("failed", fail)
                del good[article_id]
            for article_id in good:
                report.stored.append(article_id)
                emit("stored", article_id)
        report.triples = store.triple_count()
    finally:
        close = getattr(store, "close", None)
        if callable(close):
            close()
    return report
