"""The read-only SPARQL 1.1 Protocol endpoint as a WSGI application.

Routes:

* ``GET /`` — the query page (:mod:`kg.serve.page`).
* ``GET /sparql?query=…`` and ``POST /sparql`` with an ``application/sparql-query``
  body or an ``application/x-www-form-urlencoded`` ``query=`` — the query
  operation, with ``default-graph-uri`` / ``named-graph-uri`` and content
  negotiation (``Accept``, or the non-standard ``format=`` / ``output=``).
* ``/update``, an ``update=`` parameter, ``application/sparql-update`` or an
  update sent as ``query=`` — refused with 403: the store is never modified.

Each query runs in a child process with a deadline (:mod:`kg.serve.worker`).

>>> import io, tempfile, pyoxigraph as ox
>>> d = tempfile.mkdtemp(); ox.Store(d).flush()
>>> app = make_app(d, timeout_s=30)
>>> seen = []
>>> def start(status, headers): seen.append(status)
>>> env = {"REQUEST_METHOD": "GET", "PATH_INFO": "/sparql",
...        "QUERY_STRING": "update=DROP+ALL", "wsgi.input": io.BytesIO()}
>>> body = b"".join(app(env, start))
>>> seen[-1], body.decode().split(":")[0]
('403 Forbidden', 'E302')
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from kg.errors import DerekError
from kg.serve.page import default_queries_dir, load_saved_queries, render_page
from kg.serve.protocol import SHORT_NAMES, accepted, is_update, media_type, parse_form
from kg.serve.worker import Job, Outcome, run_with_deadline

log = logging.getLogger(__name__)

StartResponse = Callable[..., Any]
Environ = dict[str, Any]

#: the largest POST body read (bytes)
MAX_BODY = 1_000_000

READ_ONLY_MESSAGE = (
    "E302: this endpoint is read-only: SPARQL Update is refused and the store is never "
    "modified (hint: change the graph with kg build)"
)


def _status_line(code: int) -> str:
    return f"{code} {HTTPStatus(code).phrase}"


class SparqlApp:
    """WSGI callable answering ``/`` (page) and ``/sparql`` (queries) over one store."""

    def __init__(
        self,
        store_dir: str | Path,
        timeout_s: float = 10.0,
        queries_dir: str | Path | None = None,
        union_default_graph: bool = False,
        max_concurrent: int = 4,
    ) -> None:
        self.store_dir = str(store_dir)
        self.timeout_s = float(timeout_s)
        self.union_default_graph = union_default_graph
        self.slots = threading.BoundedSemaphore(max(1, max_concurrent))
        folder = queries_dir if queries_dir is not None else default_queries_dir()
        self.saved = load_saved_queries(folder)  # read once, at start
        self.page = render_page(self.saved).encode("utf-8")

    # -- WSGI ---------------------------------------------------------------
    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        try:
            outcome = self.handle(environ)
        except Exception as e:  # noqa: BLE001 - never let a request kill the server
            log.exception("request failed")
            outcome = Outcome.error(500, f"internal error: {type(e).__name__}: {e}")
        headers = [
            ("Content-Type", outcome.content_type),
            ("Content-Length", str(len(outcome.body))),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
        ]
        if outcome.status == 405:
            headers.append(("Allow", "GET, POST, HEAD"))
        start_response(_status_line(outcome.status), headers)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [outcome.body]

    def handle(self, environ: Environ) -> Outcome:
        """Route one request to an :class:`~kg.serve.worker.Outcome`."""
        method = environ.get("REQUEST_METHOD", "GET").upper()
        path = environ.get("PATH_INFO", "/") or "/"
        if path.rstrip("/") == "/update" or path.startswith("/update/"):
            return Outcome.error(403, READ_ONLY_MESSAGE)
        if method not in ("GET", "POST", "HEAD"):
            return Outcome.error(405, f"method {method} not allowed")
        if path in ("/", "/index.html"):
            return Outcome(200, "text/html; charset=utf-8", self.page)
        if path.rstrip("/") != "/sparql":
            return Outcome.error(404, f"not found: {path} (the endpoint is /sparql)")
        return self.sparql(environ, method)

    # -- the query operation --------------------------------------------------
    def sparql(self, environ: Environ, method: str) -> Outcome:
        """The SPARQL 1.1 Protocol query operation."""
        params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        query: list[str] = params.get("query", [])
        if method == "POST":
            ctype = media_type(environ.get("CONTENT_TYPE"))
            body = _read_body(environ)
            if body is None:
                return Outcome.error(413, f"request body larger than {MAX_BODY} bytes")
            if ctype == "application/sparql-update":
                return Outcome.error(403, READ_ONLY_MESSAGE)
            if ctype == "application/sparql-query":
                query = [body.decode("utf-8", errors="replace")]
            elif ctype == "application/x-www-form-urlencoded":
                form = parse_form(body)
                for key, values in form.items():
                    params.setdefault(key, []).extend(values)
                query = params.get("query", [])
            else:
                return Outcome.error(
                    415,
                    f"unsupported Content-Type {ctype or '(none)'}: use "
                    "application/sparql-query or application/x-www-form-urlencoded",
                )
        if "update" in params:
            return Outcome.error(403, READ_ONLY_MESSAGE)
        if len(query) != 1 or not query[0].strip():
            return Outcome.error(
                400, "give exactly one non-empty query (the 'query' parameter)"
            )
        text = query[0]
        if is_update(text):
            return Outcome.error(403, READ_ONLY_MESSAGE)
        job = Job(
            store_dir=self.store_dir,
            query=text,
            accept=_accept_list(environ, params),
            default_graphs=params.get("default-graph-uri", []),
            named_graphs=params.get("named-graph-uri", []),
            union_default_graph=self.union_default_graph,
        )
        if not self.slots.acquire(timeout=self.timeout_s):
            return Outcome.error(503, "the endpoint is busy: too many queries at once; retry")
        try:
            outcome = run_with_deadline(job, self.timeout_s)
        finally:
            self.slots.release()
        log.info("query -> %s (%d bytes)", outcome.status, len(outcome.body))
        return outcome


def _read_body(environ: Environ) -> bytes | None:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY:
        return None
    stream = environ.get("wsgi.input")
    return stream.read(length) if stream is not None and length > 0 else b""


def _accept_list(environ: Environ, params: dict[str, list[str]]) -> list[str]:
    """``format=`` / ``output=`` (short name or media type) first, then ``Accept``.

    >>> _accept_list({"HTTP_ACCEPT": "text/csv"}, {"format": ["json"]})
    ['application/sparql-results+json', 'text/csv']
    """
    wanted: list[str] = []
    for key in ("format", "output"):
        for value in params.get(key, []):
            value = value.strip().lower()
            wanted.append(SHORT_NAMES.get(value, value))
    return wanted + accepted(environ.get("HTTP_ACCEPT"))


def make_app(
    store_dir: str | Path,
    timeout_s: float = 10.0,
    queries_dir: str | Path | None = None,
    union_default_graph: bool = False,
    max_concurrent: int = 4,
) -> SparqlApp:
    """The WSGI app for the store in ``store_dir`` (which must exist; it is only read).

    ``queries_dir`` holds the saved queries shown on the page (default: ``queries/``).
    With ``union_default_graph`` the default graph is the union of all article graphs.
    At most ``max_concurrent`` queries (child processes) run at once.
    """
    if not Path(store_dir).is_dir():
        raise DerekError("E200", f"no store at {store_dir}", "build one first: kg build seeds")
    return SparqlApp(store_dir, timeout_s, queries_dir, union_default_graph, max_concurrent)


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    """A WSGI server answering each request in its own thread."""

    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        log.info("%s %s", self.address_string(), format % args)


def make_http_server(
    store_dir: str | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: float = 10.0,
    **options: Any,
) -> ThreadingWSGIServer:
    """A bound, not yet running server (``port=0`` picks a free port: see ``server_port``)."""
    app = make_app(store_dir, timeout_s=timeout_s, **options)
    server = make_server(host, port, app, ThreadingWSGIServer, _QuietHandler)
    assert isinstance(server, ThreadingWSGIServer)
    return server


def serve(
    store_dir: str | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: float = 10.0,
    **options: Any,
) -> None:
    """Serve the endpoint until interrupted (Ctrl-C). Bound to localhost by default."""
    server = make_http_server(store_dir, host, port, timeout_s, **options)
    log.info("serving %s on http://%s:%d/sparql", store_dir, host, server.server_port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
