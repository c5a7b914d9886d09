"""Store.dump: Turtle that rapper accepts and that round-trips; one named graph
per article in TriG / N-Quads / JSON-LD."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg import iri
from kg.errors import DerekError
from kg.map import to_graph
from kg.map.samples import sample_extractions
from kg.store import Store

BASE = "https://derek.kz/"
GRAPHS = {URIRef(iri.graph("a1", BASE)), URIRef(iri.graph("a2", BASE))}


@pytest.fixture(scope="module")
def store() -> Store:
    st = Store(None, base=BASE)
    for ex in sample_extractions():
        st.replace_article(ex.article.id, to_graph(ex, base=BASE))
    return st


def mapped_union() -> Graph:
    g = Graph()
    for ex in sample_extractions():
        g += to_graph(ex, base=BASE)
    return g


@pytest.mark.skipif(shutil.which("rapper") is None,
                    reason="rapper (raptor2-utils) is not installed: apt-get install raptor2-utils")
@pytest.mark.parametrize("article", [None, "a1"])
def test_turtle_parses_with_rapper(store: Store, tmp_path: Path, article: str | None) -> None:
    path = tmp_path / "out.ttl"
    path.write_bytes(store.dump("turtle", graph=article))
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    expected = store.triple_count(article) if article else len(mapped_union())
    assert f"returned {expected} triples" in done.stderr


def test_turtle_round_trips_to_an_isomorphic_graph(store: Store) -> None:
    from_turtle = Graph().parse(data=store.dump("turtle").decode("utf-8"), format="turtle")
    from_ntriples = Graph().parse(data=store.dump("ntriples").decode("utf-8"), format="nt")
    assert isomorphic(from_turtle, from_ntriples)
    # and it is what the mapper wrote (rdflib compares language tags case-insensitively)
    assert set(from_turtle) == set(mapped_union())


def test_one_article_as_turtle(store: Store) -> None:
    g = Graph().parse(data=store.dump("turtle", article="a2").decode("utf-8"), format="turtle")
    assert set(g) == set(to_graph(sample_extractions()[1], base=BASE))


@pytest.mark.parametrize("fmt,rdflib_fmt", [("trig", "trig"), ("nquads", "nquads"),
                                            ("jsonld", "json-ld")])
def test_dataset_formats_keep_one_named_graph_per_article(store: Store, fmt: str,
                                                          rdflib_fmt: str) -> None:
    ds = Dataset()
    ds.parse(data=store.dump(fmt).decode("utf-8"), format=rdflib_fmt)
    names = {c.identifier for c in ds.contexts() if len(c) > 0}
    assert names == GRAPHS
    for ex in sample_extractions():
        g = ds.graph(URIRef(iri.graph(ex.article.id, BASE)))
        assert set(g) == set(to_graph(ex, base=BASE))


def test_one_article_as_trig(store: Store) -> None:
    ds = Dataset()
    ds.parse(data=store.dump("trig", graph="a1").decode("utf-8"), format="trig")
    assert {c.identifier for c in ds.contexts() if len(c) > 0} == {URIRef(iri.graph("a1", BASE))}


def test_with_ontology(store: Store) -> None:
    plain = Graph().parse(data=store.dump("turtle").decode(), format="turtle")
    full = Graph().parse(data=store.dump("turtle", with_ontology=True).decode(), format="turtle")
    assert len(full) > len(plain)
    ds = Dataset()
    ds.parse(data=store.dump("nquads", with_ontology=True).decode(), format="nquads")
    assert len(ds.default_context) > 0  # the ontology goes to the default graph
    assert {c.identifier for c in ds.contexts() if len(c) > 0} - {ds.default_context.identifier} == GRAPHS


def test_export_errors(store: Store) -> None:
    with pytest.raises(DerekError) as err:
        store.dump("xlsx")
    assert err.value.code == "E501"
    with pytest.raises(DerekError) as err:
        store.dump("turtle", graph="missing")
    assert err.value.code == "E206"
