"""The read-only SPARQL endpoint (kg.serve), over HTTP on a free localhost port."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.serve import make_http_server

DATA = Path(__file__).parent / "data" / "sample.trig"
PEOPLE = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT DISTINCT ?name WHERE { GRAPH ?g { ?p a foaf:Person ; rdfs:label ?name } } ORDER BY ?name"""
EXPECTED_PEOPLE = ["Ақмарал Басирова", "Бақытжан Сағынтаев", "Жеңіс Асанов"]
INSERT = 'INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/b> "c" } }'
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _make_store(path: Path, quads: list[ox.Quad] | None = None) -> int:
    store = ox.Store(str(path))
    if quads is None:
        store.load(path=str(DATA), format=ox.RdfFormat.TRIG)
    else:
        store.extend(quads)
    store.flush()
    count = len(store)
    del store
    return count


def _count(path: Path) -> int:
    return len(ox.Store.read_only(str(path)))


class Running:
    def __init__(self, store_dir: Path, timeout_s: float, queries_dir: Path | None) -> None:
        self.server = make_http_server(
            store_dir, port=0, timeout_s=timeout_s, queries_dir=queries_dir
        )
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store")
    assert _make_store(path) > 50
    return path


@pytest.fixture(scope="module")
def endpoint(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    queries = tmp_path_factory.mktemp("queries")
    (queries / "people.rq").write_text(PEOPLE, encoding="utf-8")
    running = Running(store_dir, 30.0, queries)
    yield running.url
    running.close()


def _get(url: str, accept: str | None = None, data: bytes | None = None,
         ctype: str | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data)
    if accept:
        request.add_header("Accept", accept)
    if ctype:
        request.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def _q(endpoint: str, query: str, **extra: str) -> str:
    return endpoint + "/sparql?" + urllib.parse.urlencode({"query": query, **extra})


# -- SPARQLWrapper and rdflib clients --------------------------------------------


def test_sparqlwrapper_json_csv_xml(endpoint: str) -> None:
    sw = pytest.importorskip("SPARQLWrapper")
    client = sw.SPARQLWrapper(endpoint + "/sparql")
    client.setQuery(PEOPLE)
    client.setReturnFormat(sw.JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert [r["name"]["value"] for r in rows] == EXPECTED_PEOPLE
    assert rows[0]["name"]["xml:lang"] == "kk"

    client.setReturnFormat(sw.CSV)
    table = list(csv.reader(io.StringIO(client.queryAndConvert().decode("utf-8"))))
    assert table == [["name"]] + [[n] for n in EXPECTED_PEOPLE]

    client.setReturnFormat(sw.XML)
    doc = client.queryAndConvert()
    literals = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert literals == EXPECTED_PEOPLE


def test_sparqlwrapper_post_directly(endpoint: str) -> None:
    sw = pytest.importorskip("SPARQLWrapper")
    client = sw.SPARQLWrapper(endpoint + "/sparql")
    client.setMethod(sw.POST)
    client.setRequestMethod(sw.POSTDIRECTLY)
    client.setQuery(PEOPLE)
    client.setReturnFormat(sw.JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert len(rows) == 3


def test_rdflib_sparqlstore(endpoint: str) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(endpoint + "/sparql", returnFormat="json")
    names = sorted(str(row[0]) for row in store.query(PEOPLE))
    assert names == EXPECTED_PEOPLE


# -- content negotiation ---------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected_type", "needle"),
    [
        ("application/sparql-results+json", "application/sparql-results+json", b'"bindings"'),
        ("text/csv", "text/csv", "Жеңіс Асанов".encode()),
        ("text/tab-separated-values", "text/tab-separated-values", b'"@kk'),
        ("application/sparql-results+xml", "application/sparql-results+xml", b"<sparql"),
        ("text/html, */*;q=0.1", "application/sparql-results+json", b'"head"'),
        ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml", b"<sparql"),
    ],
)
def test_select_negotiation(endpoint: str, accept: str, expected_type: str, needle: bytes) -> None:
    status, ctype, body = _get(_q(endpoint, PEOPLE), accept)
    assert status == 200, body
    assert ctype.startswith(expected_type)
    assert needle in body


def test_construct_turtle_and_ntriples(endpoint: str) -> None:
    from rdflib import Graph

    query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://derek.kz/graph/001_test> { ?s ?p ?o } }"
    status, ctype, body = _get(_q(endpoint, query), "text/turtle")
    assert (status, ctype.split(";")[0]) == (200, "text/turtle")
    turtle = Graph().parse(data=body.decode(), format="turtle")
    status, ctype, body = _get(_q(endpoint, query), "application/n-triples")
    assert (status, ctype.split(";")[0]) == (200, "application/n-triples")
    ntriples = Graph().parse(data=body.decode(), format="nt")
    assert len(turtle) == len(ntriples) > 10
    status, ctype, _ = _get(_q(endpoint, "DESCRIBE <https://derek.kz/id/project/isker-ana>"))
    assert (status, ctype.split(";")[0]) == (200, "text/turtle")


def test_ask_and_not_acceptable(endpoint: str) -> None:
    status, _, body = _get(_q(endpoint, "ASK { GRAPH ?g { ?s ?p ?o } }"))
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = _get(_q(endpoint, PEOPLE), "text/turtle")
    assert status == 406 and b"no acceptable format" in body


def test_post_bodies_and_graph_parameters(endpoint: str) -> None:
    form = urllib.parse.urlencode({"query": PEOPLE}).encode()
    status, _, body = _get(endpoint + "/sparql", "application/sparql-results+json", form,
                           "application/x-www-form-urlencoded")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 3
    status, _, body = _get(endpoint + "/sparql", "text/csv", PEOPLE.encode(),
                           "application/sparql-query; charset=utf-8")
    assert status == 200 and body.decode().splitlines()[1:] == EXPECTED_PEOPLE
    # default-graph-uri makes one article graph the default graph
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    url = _q(endpoint, q, **{"default-graph-uri": "https://derek.kz/graph/001_test"})
    status, _, body = _get(url, "text/csv")
    assert status == 200 and int(body.decode().split()[1]) > 10
    status, _, body = _get(endpoint + "/sparql", None, b"x", "text/plain")
    assert status == 415


def test_bad_requests(endpoint: str) -> None:
    assert _get(_q(endpoint, "SELECT ?x WHERE {"))[0] == 400
    assert _get(endpoint + "/sparql")[0] == 400
    assert _get(endpoint + "/nowhere")[0] == 404


# -- read-only and time limit -------------------------------------------------------


def test_updates_are_refused_and_store_unchanged(endpoint: str, store_dir: Path) -> None:
    before = _count(store_dir)
    form = "application/x-www-form-urlencoded"
    attempts = [
        _get(_q(endpoint, INSERT)),
        _get(endpoint + "/sparql", None, urllib.parse.urlencode({"update": INSERT}).encode(), form),
        _get(endpoint + "/sparql", None, urllib.parse.urlencode({"query": INSERT}).encode(), form),
        _get(endpoint + "/sparql", None, INSERT.encode(), "application/sparql-update"),
        _get(endpoint + "/update", None, urllib.parse.urlencode({"update": INSERT}).encode(), form),
        _get(_q(endpoint, "DROP ALL")),
    ]
    for status, _, body in attempts:
        assert status in (400, 403), body
        assert b"read-only" in body
    sw = pytest.importorskip("SPARQLWrapper")
    client = sw.SPARQLWrapper(endpoint + "/sparql", updateEndpoint=endpoint + "/update")
    client.setMethod(sw.POST)
    client.setQuery(INSERT)
    with pytest.raises(Exception, match="403|read-only|Forbidden"):
        client.query()
    assert _count(store_dir) == before


def test_query_over_time_limit_is_stopped(tmp_path: Path) -> None:
    p = ox.NamedNode("http://x/p")
    quads = [ox.Quad(ox.NamedNode(f"http://x/s{i}"), p, ox.Literal(i)) for i in range(3000)]
    _make_store(tmp_path / "big", quads)
    running = Running(tmp_path / "big", 1.0, None)
    try:
        started = time.monotonic()
        status, _, body = _get(_q(running.url, CARTESIAN), "application/sparql-results+json")
        elapsed = time.monotonic() - started
        assert status == 503
        assert b"time limit" in body
        assert elapsed < 30
        # the server still answers afterwards
        status, _, body = _get(_q(running.url, "ASK { ?s ?p ?o }"))
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        running.close()


# -- the page -------------------------------------------------------------------------


def test_page_lists_saved_queries_without_external_assets(endpoint: str) -> None:
    status, ctype, body = _get(endpoint + "/")
    html = body.decode()
    assert status == 200 and ctype.startswith("text/html")
    assert '"people"' in html and "<textarea" in html and 'id="run"' in html
    for attr in ("src=", "href="):
        assert f'{attr}"http' not in html
    assert "cdn" not in html.lower()


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="chromium not installed (apt-get install chromium)")
def test_page_runs_query_in_headless_chromium(endpoint: str) -> None:
    url = endpoint + "/?" + urllib.parse.urlencode({"query": PEOPLE, "run": "1"})
    with tempfile.TemporaryDirectory() as profile:
        command = [
            str(_chromium()), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--disable-dev-shm-usage", f"--user-data-dir={profile}",
            "--virtual-time-budget=20000", "--dump-dom", url,
        ]
        env = {**os.environ, "HOME": profile}
        done = subprocess.run(command, capture_output=True, timeout=180, env=env, check=False)
    dom = done.stdout.decode("utf-8", errors="replace")
    assert 'id="results"' in dom, done.stderr.decode(errors="replace")[-2000:]
    assert "<td" in dom and "Жеңіс Асанов" in dom.split('id="results"', 1)[1]
    assert 'data-state="done"' in dom


def test_union_default_graph_option(store_dir: Path) -> None:
    import io

    from kg.serve import make_app

    def count(app: object) -> int:
        seen: list[str] = []
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
        env = {"REQUEST_METHOD": "GET", "PATH_INFO": "/sparql", "QUERY_STRING": query,
               "HTTP_ACCEPT": "text/csv", "wsgi.input": io.BytesIO()}
        body = b"".join(app(env, lambda status, headers: seen.append(status)))  # type: ignore[operator]
        assert seen == ["200 OK"], body
        return int(body.decode().split()[1])

    assert count(make_app(store_dir, timeout_s=30)) == 0  # the real default graph is empty
    assert count(make_app(store_dir, timeout_s=30, union_default_graph=True)) == _count(store_dir)
