"""``kg build --engine ray``: articles extracted and validated on a Ray Data actor pool,
one N-Quads file per input shard, then bulk-loaded into the store.

The driver reads the inputs with :func:`kg.read.read_inputs` (so bad input is skipped, and
a repeated id refused, exactly as in a local build), hands the articles to
``map_batches`` over an :class:`~ray.data.ActorPoolStrategy` of ``workers`` actors
(:class:`kg.distributed.worker.ArticleWorker`: the model loaded once per actor), and writes
each shard's file as soon as all of its articles are back. Actors are restarted and their
batches retried by Ray when a worker process dies (``max_restarts``/``max_task_retries``).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.distributed.shards import (
    article_to_json,
    clear_partials,
    shard_file_names,
    shard_of,
    write_whole,
)
from kg.errors import DerekError
from kg.model import Article
from kg.read import Skipped, read_inputs
from kg.stages import Failure

log = logging.getLogger(__name__)

#: a dead actor is restarted, and its batch retried, this many times
MAX_RESTARTS = 3


@dataclass
class ShardReport:
    """What a distributed run wrote: shard files, and the articles kept out of them."""

    files: list[Path] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    quads: int = 0

    def summary(self) -> str:
        return (f"{len(self.written)} article(s) in {len(self.files)} shard file(s) "
                f"({self.quads} quads), {len(self.skipped)} skipped, "
                f"{len(self.failed)} not written (invalid or failed)")


def connect(address: str | None, workers: int) -> bool:
    """Join the Ray cluster at ``address`` (``auto``, ``ray://host:10001``, ``host:6379``),
    or start a local one with ``workers`` CPUs; True when this call started it (and so
    should shut it down). A cluster already joined in this process is used as it is."""
    try:
        import ray
    except ImportError as exc:
        raise DerekError("E060", f"Ray is not installed ({exc})",
                         "pip install -r requirements.lock (ray[data] is pinned there)") from None
    if ray.is_initialized():
        return False
    kwargs: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING,
                              "configure_logging": True}
    try:
        if address:
            ray.init(address=address, **kwargs)
        else:
            ray.init(num_cpus=max(1, workers), **kwargs)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise DerekError("E060", f"cannot start or join the Ray cluster {address or '(local)'}: "
                         f"{exc}", "start one with `ray start --head`, or leave out --address "
                         "for a local cluster") from None
    return True


def build_shards(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    workers: int = 2,
    address: str | None = None,
    model: str | None = None,
    no_ner: bool = False,
    base_iri: str | None = None,
    batch_articles: int = 16,
    on_event: Callable[[str, Any], None] | None = None,
) -> ShardReport:
    """Extract, validate and write the articles under ``paths`` as N-Quads shards in
    ``out_dir`` on a Ray cluster (see the module docstring). Events as in
    :func:`kg.pipeline.build`: ``article``, ``skipped``, ``failed``, ``stored`` (written)."""
    from kg import iri

    emit = on_event or (lambda kind, payload: None)
    report = ShardReport()
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DerekError("E063", f"cannot create the shard directory {out}: {exc}",
                         "pass a writable --out directory") from None
    clear_partials(out)
    shutil.rmtree(out / ".faults", ignore_errors=True)  # exit faults fire once per run
    rows, shards = _admit(read_inputs(paths), report, emit)
    if not rows:
        return report
    faults = os.environ.get("DEREK_FAULT", "")
    from kg.distributed.worker import Faults

    Faults.parse(faults)  # a bad spec fails here, not on every worker
    started = connect(address, workers)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*ray_remote_args.*")  # restarts, retries
            warnings.filterwarnings("ignore", message=".*minimum number of concurrent actors.*")
            _run(rows, shards, out, report, emit, workers=workers, batch_articles=batch_articles,
                 worker_kwargs={"model": model, "no_ner": no_ner, "base_iri": base_iri,
                                "graph_base": iri.base_iri(None), "faults": faults,
                                "fault_dir": str(out / ".faults")})
    finally:
        if started:
            import ray

            ray.shutdown()
    return report


def _run(rows: list[dict[str, Any]], shards: list[str], out: Path, report: ShardReport,
         emit: Callable[[str, Any], None], *, workers: int, batch_articles: int,
         worker_kwargs: dict[str, Any]) -> None:
    """The Ray Data job; each shard's file written as soon as all its articles are back."""
    import ray
    import ray.data

    from kg.distributed.worker import ArticleWorker

    names = shard_file_names(shards)
    expected = [0] * len(shards)
    for row in rows:
        expected[row["shard"]] += 1
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # no per-run execution plans
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.verbose_stats_logs = False
    try:
        ds = ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // batch_articles)))
        ds = ds.map_batches(
            ArticleWorker,
            fn_constructor_kwargs=worker_kwargs,
            batch_size=batch_articles,
            compute=ray.data.ActorPoolStrategy(size=max(1, workers)),
            num_cpus=1,
            max_restarts=MAX_RESTARTS,
            max_task_retries=MAX_RESTARTS,
        )
        done: list[list[dict[str, Any]]] = [[] for _ in shards]
        for row in ds.iter_rows():
            n = int(row["shard"])
            done[n].append(row)
            if len(done[n]) == expected[n]:
                _write_shard(out / names[n], done[n], report, emit)
                done[n] = []
    except ray.exceptions.RayError as exc:
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise DerekError("E061", f"the distributed build failed: {type(exc).__name__}: {first}",
                         "shard files already written are complete; rerun to write the rest "
                         "(see the Ray logs under /tmp/ray/session_latest/logs)") from None


def _admit(items: Iterable[Article | Skipped], report: ShardReport,
           emit: Callable[[str, Any], None]) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows for the workers and the shards in order; skipped input and repeated ids
    reported as :func:`kg.pipeline.build` reports them."""
    rows: list[dict[str, Any]] = []
    shards: dict[str, int] = {}
    seen: dict[str, str] = {}
    for item in items:
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
        shard = shards.setdefault(shard_of(item), len(shards))
        rows.append({"seq": len(rows), "shard": shard, "article": article_to_json(item)})
    return rows, list(shards)


def _write_shard(path: Path, rows: list[dict[str, Any]], report: ShardReport,
                 emit: Callable[[str, Any], None]) -> None:
    rows = sorted(rows, key=lambda r: int(r["seq"]))
    good = [r for r in rows if not r["code"]]
    write_whole(path, (r["nquads"] for r in good))
    report.files.append(path)
    for r in rows:
        if r["code"]:
            fail = Failure(str(r["id"]), str(r["where"]), str(r["code"]), json.loads(r["messages"]))
            report.failed.append(fail)
            emit("failed", fail)
        else:
            report.written.append(str(r["id"]))
            report.quads += str(r["nquads"]).count("\n")
            emit("stored", str(r["id"]))
