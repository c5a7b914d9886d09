"""What runs on a Ray worker: the model loaded once per actor, then batches of articles
through :func:`kg.stages.process_articles` (the local build's own per-batch work, SHACL gate
included), each good article returned as its whole N-Quads text, each bad one as a failure.

Fault injection, for tests and drills (``DEREK_FAULT``, read on the driver and handed to
every worker): ``raise:ID`` makes the writing of article ID's quads fail half-way (the article
must be reported, none of its quads kept); ``exit:ID`` kills the worker process (``os._exit``)
the first time it meets article ID — a marker file in the fault directory makes the retry
that the engine schedules go through.

>>> Faults.parse("raise:a1,exit:b2").raises, Faults.parse("raise:a1,exit:b2").exits
(frozenset({'a1'}), frozenset({'b2'}))
>>> Faults.parse("")
Faults(raises=frozenset(), exits=frozenset())
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.distributed.shards import article_from_json, article_nquads
from kg.errors import DerekError

#: the columns a worker returns, one row per article
COLUMNS = ("seq", "shard", "id", "where", "nquads", "code", "messages")


@dataclass(frozen=True)
class Faults:
    """Injected faults (see the module docstring)."""

    raises: frozenset[str] = frozenset()
    exits: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, spec: str | None) -> Faults:
        raises: set[str] = set()
        exits: set[str] = set()
        for part in (spec or "").split(","):
            if not part.strip():
                continue
            kind, sep, article_id = part.strip().partition(":")
            if not sep or not article_id or kind not in ("raise", "exit"):
                raise DerekError("E064", f"bad DEREK_FAULT entry {part!r}",
                                 "write raise:ARTICLE_ID or exit:ARTICLE_ID, comma-separated")
            (raises if kind == "raise" else exits).add(article_id)
        return cls(frozenset(raises), frozenset(exits))


class ArticleWorker:
    """A Ray Data ``map_batches`` callable class: one per actor, the NER model loaded once."""

    def __init__(self, *, model: str | None, no_ner: bool, base_iri: str | None,
                 graph_base: str, faults: str = "", fault_dir: str | None = None) -> None:
        from kg.commands import _load_nlp

        self.nlp = _load_nlp(model, no_ner)
        self.base_iri = base_iri
        self.graph_base = graph_base
        self.faults = Faults.parse(faults)
        self.fault_dir = Path(fault_dir) if fault_dir else None

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from kg.iri import graph
        from kg.stages import Failure, process_articles

        articles = [article_from_json(str(t)) for t in batch["article"]]
        for article in articles:
            self._maybe_exit(article.id)
        outcomes = process_articles(articles, self.nlp, self.base_iri)
        out: dict[str, list[Any]] = {c: [] for c in COLUMNS}
        for seq, shard, article, outcome in zip(batch["seq"], batch["shard"], articles, outcomes,
                                                strict=True):
            text, code, messages = "", "", []
            if isinstance(outcome, Failure):
                code, messages = outcome.code, outcome.messages
            else:
                try:
                    text = self._nquads(article.id, outcome, f"<{graph(article.id, self.graph_base)}>")
                except Exception as exc:  # noqa: BLE001 - one article must not stop the batch
                    code, messages = "E062", [f"could not write its quads: {exc!r}"]
            out["seq"].append(int(seq))
            out["shard"].append(int(shard))
            out["id"].append(article.id)
            out["where"].append(article.path or article.id)
            out["nquads"].append(text)
            out["code"].append(code)
            out["messages"].append(json.dumps(messages, ensure_ascii=False))
        return out

    def _nquads(self, article_id: str, graph: Any, graph_name: str) -> str:
        lines: list[str] = []
        for n, line in enumerate(article_nquads(graph, graph_name)):
            if n == 1 and article_id in self.faults.raises:
                raise RuntimeError(f"injected fault (DEREK_FAULT=raise:{article_id})")
            lines.append(line + "\n")
        return "".join(lines)

    def _maybe_exit(self, article_id: str) -> None:
        if article_id not in self.faults.exits or self.fault_dir is None:
            return
        marker = self.fault_dir / f"exited-{article_id}"
        if marker.exists():
            return
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(str(os.getpid()), encoding="utf-8")
        os._exit(17)  # the worker dies mid-batch; the engine restarts it and retries the batch
