"""The main job: articles → extraction → RDF → SHACL validation → embedded store.

Each stage is a plain function (:mod:`kg.stages` does one article's work); this module
only wires them over a store:

``read_inputs`` → ``body_spans`` / ``split_sentences`` → ``tag_sentences`` (NER)
→ ``extract_entities`` → ``find_figures`` → ``find_quotes`` / ``attribute_figures``
→ ``link_projects`` → ``to_graph`` → ``validate`` → ``Store.replace_articles``.

Articles go in batches, in three threads: NER of the next batch (torch releases the
GIL) and the SHACL gate and store write of the previous one (Rust: pyshacl-turbo and
Oxigraph release it too) run while the rules and mapping of the current one run.

An article that fails any stage, or whose graph does not conform to the
shapes, is reported and not stored; what the store held before is untouched.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.model import Article
from kg.read import Skipped, read_inputs
from kg.stages import (
    Failure,
    Prepared,
    article_sentences,
    extract,
    gate,
    map_batch,
    ner_mentions,
    prepare,
    process_article,
    process_articles,
    tag,
    unique_posts,
)
from kg.timing import NO_CLOCK, StageClock

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph
    from spacy.language import Language

__all__ = ["BuildReport", "Failure", "article_sentences", "build", "extract", "ner_mentions",
           "process_article", "process_articles", "unique_posts"]

#: articles per batch in :func:`build`: NER runs over their sentences in one stream and
#: the store writes them in one transaction
BATCH_ARTICLES = 16
#: the GIL switch interval while the NER thread runs beside the rules (Python's default is
#: 5 ms). The transformer's thread needs the GIL between torch ops; with the default it
#: waits up to 5 ms each time the rules thread holds it (NER on 30 articles beside a
#: busy Python thread: 42 s at 5 ms, 9.7 s at 0.2 ms, 3.9 s alone). Measured on the
#: 105 articles of ``benchmarks/build.py seeds tests/data``, three interleaved pairs:
#: end to end / NER alone 0.69, 0.64, 0.70 at 5 ms against 0.71, 0.69, 0.73 at 0.2 ms.
NER_SWITCH_INTERVAL = 0.0002


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


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # not glibc
        return None


def release_memory() -> None:
    """Hand the heap that freed objects leave behind back to the OS (glibc's
    ``malloc_trim``; a no-op elsewhere), so a long build's RSS stays flat in the
    number of articles rather than keeping each batch's high-water mark.

    >>> release_memory()
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


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
    ``clock`` (a :class:`kg.timing.StageClock`) collects each stage's seconds (NER's
    overlap the others').
    """
    from kg.store import Store

    emit = on_event or (lambda kind, payload: None)
    if nlp == "default":
        from kg.nlp import load_pipeline

        nlp = load_pipeline()
    report = BuildReport()
    store = Store(store_dir)
    seen: dict[str, str] = {}

    def admit(batch: list[Article | Skipped]) -> list[Article]:
        todo: list[Article] = []
        for item in batch:
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
            todo.append(item)
        return todo

    def write(articles: list[Article], graphs: list[Graph | Failure]) -> list[tuple[str, Any]]:
        """The gate and the store write of a mapped batch (on the writer thread: both are
        mostly Rust, so they overlap the rules of the next batch); returns its events."""
        events: list[tuple[str, Any]] = []
        good: dict[str, Graph] = {}
        for article, outcome in zip(articles, gate(articles, graphs, clock), strict=True):
            if isinstance(outcome, Failure):
                events.append(("failed", outcome))
            else:
                good[article.id] = outcome
        with clock("store"):
            not_stored = store.replace_articles(good)
            store.flush()  # memory flat in the number of articles
        for article_id, err in not_stored.items():
            events.append(("failed", Failure(article_id, seen[article_id], err.code, [err.message])))
        events.extend(("stored", a) for a in good if a not in not_stored)
        return events

    def settle(written: Future[list[tuple[str, Any]]] | None) -> None:
        for kind, payload in written.result() if written is not None else ():
            (report.failed.append if kind == "failed" else report.stored.append)(payload)
            emit(kind, payload)

    switch = sys.getswitchinterval()
    if nlp is not None:
        sys.setswitchinterval(NER_SWITCH_INTERVAL)
    try:
        with ThreadPoolExecutor(1, thread_name_prefix="derek-ner") as ner, \
                ThreadPoolExecutor(1, thread_name_prefix="derek-write") as writer:
            tagging: tuple[Prepared, Future[list[Any]]] | None = None
            written: Future[list[tuple[str, Any]]] | None = None

            def rules(batch: Prepared, tagged: Future[list[Any]]) -> None:
                nonlocal written
                graphs = map_batch(batch, tagged.result(), nlp, base_iri, clock)  # type: ignore[arg-type]
                settle(written)  # the previous batch's gate and write are done
                release_memory()
                written = writer.submit(write, list(batch.articles), graphs)

            for items in _batches(read_inputs(paths), batch_articles, clock):
                batch = prepare(admit(items), clock)
                tagged = ner.submit(tag, nlp, batch, clock)  # type: ignore[arg-type]
                if tagging is not None:
                    rules(*tagging)  # the previous batch, while this one is tagged
                tagging = (batch, tagged)
            if tagging is not None:
                rules(*tagging)
            settle(written)
        report.triples = store.triple_count()
    finally:
        sys.setswitchinterval(switch)
        close = getattr(store, "close", None)
        if callable(close):
            close()
    return report

