"""The export is portable: Apache Jena (TDB2) answers the saved queries like pyoxigraph.

The store is dumped with pyoxigraph (N-Quads and TriG), loaded into a fresh
Jena TDB2 database and into fresh pyoxigraph stores, and every saved query
(``queries/*.rq``) plus a few of our own is answered by each; the rows must be
equal as multisets, with literals normalised (numbers compared as Decimal,
language tags case-folded, ``xsd:string`` = simple literal, blank nodes by
position only).

Data: ``tests/data/sample.trig``, or the store directory in ``$DEREK_TEST_STORE``
(e.g. after ``kg build seeds``). Jena: the ``tdb2.tdbloader`` / ``tdb2.tdbquery``
launchers of a Jena distribution on ``PATH``, else Debian's ``libapache-jena-java``
jars (which have no launchers) run with ``java -cp``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "sample.trig"
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in (
    "decimal", "integer", "int", "long", "short", "byte", "double", "float",
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
    "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
)}
OWN_QUERIES = {
    "triples-per-graph": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "labels-and-values": """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX derek: <https://derek.kz/ontology#>
SELECT ?x ?label ?value ?lang WHERE { GRAPH ?g {
  { ?x rdfs:label ?label BIND(lang(?label) AS ?lang) } UNION { ?x derek:value ?value } } }""",
    "sum-of-values": """PREFIX derek: <https://derek.kz/ontology#>
SELECT (SUM(?v) AS ?total) (COUNT(?v) AS ?n) WHERE { GRAPH ?g { ?f derek:value ?v } }""",
}
DEBIAN_PACKAGE = "libapache-jena-java"
LOGGING = ("slf4j", "log4j")


def saved_queries() -> dict[str, str]:
    found = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.rq"))}
    return {**found, **OWN_QUERIES}


# -- normalising results -----------------------------------------------------------------


def norm_term(term: dict[str, str] | None) -> tuple[Any, ...]:
    if term is None:
        return ("unbound",)
    kind = term["type"]
    if kind == "uri":
        return ("iri", term["value"])
    if kind == "bnode":
        return ("bnode",)
    lang = term.get("xml:lang")
    if lang:
        return ("lang", term["value"], lang.lower())
    datatype = term.get("datatype", XSD + "string")
    if datatype in NUMERIC:
        try:
            return ("number", Decimal(term["value"]).normalize())
        except InvalidOperation:
            return ("number?", term["value"])
    return ("literal", term["value"], datatype)


def norm_rows(results: dict[str, Any]) -> tuple[list[str], Counter[tuple[Any, ...]]]:
    variables = list(results["head"].get("vars", []))
    if "boolean" in results:
        return variables, Counter([("boolean", results["boolean"])])
    rows = Counter(
        tuple(norm_term(b.get(v)) for v in variables) for b in results["results"]["bindings"]
    )
    return variables, rows


def oxigraph_results(store: ox.Store, query: str) -> dict[str, Any]:
    body = store.query(query).serialize(format=ox.QueryResultsFormat.JSON)
    return json.loads(body)


# -- Jena -----------------------------------------------------------------------------------


def _debian_jars() -> list[str]:
    if not shutil.which("dpkg"):
        return []
    listed = subprocess.run(["dpkg", "-L", DEBIAN_PACKAGE], capture_output=True, text=True)
    if listed.returncode != 0:
        return []
    depends = subprocess.run(
        ["apt-cache", "depends", DEBIAN_PACKAGE], capture_output=True, text=True
    ).stdout if shutil.which("apt-cache") else ""
    packages = [line.split(":", 1)[1].strip() for line in depends.splitlines()
                if line.strip().startswith("Depends:")]
    files = listed.stdout.splitlines()
    for package in packages:
        files += subprocess.run(["dpkg", "-L", package], capture_output=True, text=True).stdout.splitlines()
    jars = sorted({
        f for f in files
        if f.startswith("/usr/share/java/") and f.endswith(".jar") and f.count("/") == 4
        and not any(word in f for word in LOGGING)
    })
    extra = ["httpcore.jar", "jackson-annotations.jar", "slf4j-api.jar", "slf4j-nop.jar"]
    jars += [f"/usr/share/java/{name}" for name in extra if Path(f"/usr/share/java/{name}").exists()]
    return jars


def _resource_fix(core_jar: str, into: Path) -> Path:
    """Debian's jena-core 4.5 moves the shaded Xerces classes to ``xerces.*`` but leaves
    their message bundles under ``org/apache/jena/ext/xerces``: XSD datatypes then fail
    with "internal error". Copy the bundles where the classes look for them."""
    prefix = "org/apache/jena/ext/xerces/"
    with zipfile.ZipFile(core_jar) as jar:
        for name in jar.namelist():
            if name.startswith(prefix) and name.endswith(".properties"):
                target = into / "xerces" / name[len(prefix):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return into


class Jena:
    """Runs TDB2 loader and query, by launcher scripts or by ``java -cp``."""

    def __init__(self, workdir: Path) -> None:
        self.launchers = all(shutil.which(t) for t in ("tdb2.tdbloader", "tdb2.tdbquery"))
        self.classpath = ""
        if self.launchers:
            return
        jars = _debian_jars()
        core = next((j for j in jars if j.endswith("/jena-core.jar")), None)
        if not shutil.which("java") or core is None or not any(j.endswith("/jena-cmds.jar") for j in jars):
            raise LookupError(
                "Apache Jena not found: no tdb2.tdbloader/tdb2.tdbquery on PATH and no "
                f"{DEBIAN_PACKAGE} jars with java (apt-get install {DEBIAN_PACKAGE})"
            )
        fix = _resource_fix(core, workdir / "jena-resource-fix")
        self.classpath = os.pathsep.join([str(fix), *jars])

    def run(self, tool: str, *args: str) -> str:
        if self.launchers:
            command = [tool, *args]
        else:
            command = ["java", "-Xmx1g", "-cp", self.classpath, tool, *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed ({done.returncode}):\n{done.stderr[-3000:]}")
        return done.stdout

    def load(self, location: Path, data: Path) -> None:
        self.run("tdb2.tdbloader", f"--loc={location}", str(data))

    def query(self, location: Path, query_file: Path) -> dict[str, Any]:
        out = self.run("tdb2.tdbquery", f"--loc={location}", "--results=json", f"--query={query_file}")
        return json.loads(out)


# -- fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def source() -> ox.Store:
    path = os.environ.get("DEREK_TEST_STORE")
    if path:
        return ox.Store.read_only(path)
    store = ox.Store()
    store.load(path=str(DATA), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def exports(source: ox.Store, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("export")
    nquads, trig = folder / "graph.nq", folder / "graph.trig"
    source.dump(str(nquads), format=ox.RdfFormat.N_QUADS)
    source.dump(str(trig), format=ox.RdfFormat.TRIG)
    return {"nq": nquads, "trig": trig}


@pytest.fixture(scope="module")
def jena_tdb2(exports: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Jena, Path]:
    work = tmp_path_factory.mktemp("jena")
    try:
        jena = Jena(work)
    except LookupError as e:
        pytest.skip(str(e))
    location = work / "tdb2"
    jena.load(location, exports["nq"])
    return jena, location


# -- tests ----------------------------------------------------------------------------------


def test_export_reloads_into_a_fresh_pyoxigraph_store(source: ox.Store, exports: dict[str, Path]) -> None:
    original = set(source)
    assert original, "empty store"
    for fmt, path in (("nq", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)):
        fresh = ox.Store()
        fresh.load(path=str(exports[fmt]), format=path)
        assert len(fresh) == len(source), fmt
        if not any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)
                   for q in original):
            assert set(fresh) == original, fmt
        for name, query in saved_queries().items():
            assert norm_rows(oxigraph_results(fresh, query)) == norm_rows(
                oxigraph_results(source, query)
            ), f"{name} differs after a {fmt} round trip"


def test_saved_queries_exist_or_own_queries_run() -> None:
    names = set(saved_queries())
    assert set(OWN_QUERIES) <= names
    expected = {"who-reported-figures", "people", "organisations", "projects", "figures-by-project",
                "figures-by-person"}
    if (ROOT / "queries").is_dir() and any((ROOT / "queries").glob("*.rq")):
        assert expected <= names


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_jena_tdb2_agrees_with_pyoxigraph(
    name: str, source: ox.Store, jena_tdb2: tuple[Jena, Path], tmp_path: Path
) -> None:
    jena, location = jena_tdb2
    query = saved_queries()[name]
    query_file = tmp_path / f"{name}.rq"
    query_file.write_text(query, encoding="utf-8")
    ours_vars, ours = norm_rows(oxigraph_results(source, query))
    theirs_vars, theirs = norm_rows(jena.query(location, query_file))
    assert theirs_vars == ours_vars
    if not os.environ.get("DEREK_TEST_STORE"):
        assert sum(ours.values()) > 0, f"{name} returns no rows on the sample"
    missing, extra = ours - theirs, theirs - ours
    assert not missing and not extra, f"{name}: only pyoxigraph {missing}; only Jena {extra}"
