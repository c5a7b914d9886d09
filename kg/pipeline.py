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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.model import Article, Extraction, Post
from kg.read import Skipped, body_spans, read_inputs

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


def extract(article: Article, nlp: Language | None = None) -> Extraction:
    """Run the extraction stages on one article (no RDF, no store).

    ``nlp`` is the NER pipeline (``kg.nlp.load_pipeline()``); with ``None``
    only the rules run.
    """
    from kg.extract.entities import extract_entities
    from kg.extract.figures import find_figures
    from kg.extract.linking import link_projects
    from kg.extract.projects import plausible_project_mention
    from kg.extract.quotes import find_quotes
    from kg.extract.reporters import attribute_figures
    from kg.nlp.sentences import split_sentences

    text = article.text
    sentences = split_sentences(text, body_spans(text))
    mentions = []
    if nlp is not None and sentences:
        from kg.nlp import tag_sentences

        mentions = [
            m for m in tag_sentences(nlp, text, sentences)
            if m.label != "PROJECT" or plausible_project_mention(text, m.start, m.end)
        ]
    ents = extract_entities(text, sentences, mentions)
    figures = find_figures(text, sentences)
    quotes = find_quotes(text, sentences, ents.people, ents.posts)
    attribute_figures(text, sentences, figures, quotes)
    link_projects(figures, ents.projects, sentences)
    return Extraction(
        article=article,
        sentences=sentences,
        mentions=mentions,
        people=ents.people,
        organisations=ents.organisations,
        places=ents.places,
        projects=ents.projects,
        posts=unique_posts(ents.posts),
        figures=figures,
        quotes=quotes,
    )


def process_article(
    article: Article, nlp: Language | None = None, base_iri: str | None = None
) -> Graph | Failure:
    """One article through extraction, mapping and the SHACL gate: its graph, or why not.

    Never raises for a bad article: an extraction error is ``E030``, a graph that
    does not conform to the shapes ``E040`` (with the validator's messages).
    Local builds and the distributed engine both call this, so they mint the same triples.
    """
    from kg.map import to_graph
    from kg.validate import validate

    where = article.path or article.id
    try:
        graph = to_graph(extract(article, nlp), base=base_iri)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the build
        log.exception("extraction failed for %s", article.id)
        return Failure(article.id, where, "E030", [f"extraction failed: {exc!r}"])
    result = validate(graph)
    if not result.conforms:
        return Failure(article.id, where, "E040", list(result.messages) or ["does not conform"])
    return graph


def build(
    paths: Iterable[str | Path],
    store_dir: str | Path = "kg-store",
    *,
    nlp: Language | None | str = "default",
    base_iri: str | None = None,
    on_event: Callable[[str, Any], None] | None = None,
) -> BuildReport:
    """Build the graph of every article under ``paths`` into the store at ``store_dir``.

    ``on_event(kind, payload)`` receives ``("article", Article)``, ``("skipped",
    Skipped)``, ``("failed", Failure)`` and ``("stored", article_id)`` events,
    for progress bars and messages.
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
        for item in read_inputs(paths):
            if isinstance(item, Skipped):
                report.skipped.append(item)
                emit("skipped", item)
                continue
            emit("article", item)
            where = item.path or item.id
            if item.id in seen:
                fail = Failure(item.id, where, "E020", [f"duplicate article id (also {seen[item.id]})"])
                report.failed.append(fail)
                emit("failed", fail)
                continue
            seen[item.id] = where
            outcome = process_article(item, nlp, base_iri)  # type: ignore[arg-type]
            if isinstance(outcome, Failure):
                report.failed.append(outcome)
                emit("failed", outcome)
                continue
            store.replace_article(item.id, outcome)
            report.stored.append(item.id)
            emit("stored", item.id)
        report.triples = store.triple_count()
    finally:
        close = getattr(store, "close", None)
        if callable(close):
            close()
    return report
