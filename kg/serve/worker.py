"""Run one SPARQL query against a read-only store, in a child process with a deadline.

pyoxigraph queries cannot be interrupted from Python, so each query runs in
its own process (``forkserver`` start method where available: the server may
be threaded, and forking a threaded process is unsafe). The child opens the
store with :meth:`pyoxigraph.Store.read_only` — it can never write — runs the
query and sends back the serialised result. When the deadline passes the
parent kills the child and answers 503.

:func:`execute` is the in-process core and is usable on its own:

>>> import tempfile, pyoxigraph as ox
>>> d = tempfile.mkdtemp()
>>> s = ox.Store(d)
>>> s.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("қала")))
>>> s.flush(); del s
>>> out = execute(Job(d, "SELECT ?o { ?s ?p ?o }", ["text/csv"]))
>>> out.status, out.content_type, out.body.decode().split()
(200, 'text/csv; charset=utf-8', ['o', 'қала'])
>>> run_with_deadline(Job(d, "ASK { ?s ?p ?o }", ["*/*"]), timeout_s=30).body
b'{"head":{},"boolean":true}'
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from kg.serve.protocol import negotiate

#: how long a child may take to start and open the store, on top of the query limit
STARTUP_GRACE_S = 30.0


@dataclass(frozen=True)
class Job:
    """One query request, as plain (picklable) data."""

    store_dir: str
    query: str
    accept: list[str] = field(default_factory=lambda: ["*/*"])
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    union_default_graph: bool = False


@dataclass(frozen=True)
class Outcome:
    """An HTTP answer: status, ``Content-Type`` and body."""

    status: int
    content_type: str
    body: bytes

    @classmethod
    def error(cls, status: int, message: str) -> Outcome:
        """A plain-text error answer.

        >>> Outcome.error(400, "bad").body
        b'bad\\n'
        """
        return cls(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


def _graph_name(iri: str) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if iri in ("", "default") else ox.NamedNode(iri)


def execute(job: Job) -> Outcome:
    """Run ``job`` here and now (no deadline) and serialise its result."""
    try:
        store = ox.Store.read_only(job.store_dir)
    except OSError as e:
        return Outcome.error(500, f"cannot open the store read-only: {e}")
    options: dict[str, Any] = {}
    if job.default_graphs:
        options["default_graph"] = [_graph_name(g) for g in job.default_graphs]
    elif job.union_default_graph:
        options["use_default_graph_as_union"] = True
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    try:
        result = store.query(job.query, **options)
    except SyntaxError as e:
        return Outcome.error(400, f"SPARQL syntax error: {e}")
    except (OSError, ValueError, TypeError) as e:
        return Outcome.error(400, f"query failed: {e}")
    kind = "graph" if isinstance(result, ox.QueryTriples) else "solutions"
    chosen = negotiate(kind, job.accept)
    if chosen is None:
        wanted = ", ".join(job.accept)
        return Outcome.error(406, f"no acceptable format for a {kind} result (Accept: {wanted})")
    media, fmt_name = chosen
    try:
        if kind == "graph":
            body = result.serialize(format=getattr(ox.RdfFormat, fmt_name))
        else:
            body = result.serialize(format=getattr(ox.QueryResultsFormat, fmt_name))
    except (OSError, ValueError) as e:
        return Outcome.error(500, f"cannot serialise the result: {e}")
    charset = "" if media.endswith("+xml") or media.endswith("/xml") else "; charset=utf-8"
    return Outcome(200, media + charset, body or b"")


def _child(job: Job, conn: Connection) -> None:  # pragma: no cover - runs in the child
    conn.send("started")
    try:
        outcome = execute(job)
    except Exception as e:  # noqa: BLE001 - anything is reported, never raised
        outcome = Outcome.error(500, f"{type(e).__name__}: {e}")
    conn.send(outcome)
    conn.close()


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["pyoxigraph", "kg.serve.worker"])
        return ctx
    return multiprocessing.get_context("spawn")


def _stop(process: multiprocessing.process.BaseProcess) -> None:
    process.terminate()
    process.join(2.0)
    if process.is_alive():
        process.kill()
        process.join(2.0)


def run_with_deadline(job: Job, timeout_s: float) -> Outcome:
    """Run ``job`` in a child process; kill it and answer 503 after ``timeout_s`` seconds.

    The clock starts once the child has started (process start-up on a busy
    machine does not count against the query), bounded by :data:`STARTUP_GRACE_S`.
    """
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(job, child), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(STARTUP_GRACE_S):
            return Outcome.error(503, "the query worker did not start in time")
        parent.recv()  # "started"
        started = time.monotonic()
        if not parent.poll(timeout_s):
            elapsed = time.monotonic() - started
            return Outcome.error(
                503,
                f"query stopped: it ran past the time limit of {timeout_s:g} s "
                f"({elapsed:.1f} s); narrow it (LIMIT, more specific patterns) and retry",
            )
        outcome = parent.recv()
        return outcome if isinstance(outcome, Outcome) else Outcome.error(500, "bad worker reply")
    except EOFError:
        return Outcome.error(500, "the query worker died (out of memory?)")
    finally:
        parent.close()
        process.join(0.5)
        if process.is_alive():
            _stop(process)
