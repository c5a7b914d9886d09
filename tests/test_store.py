"""kg.store.Store: atomic per-article replace, counts, errors with codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import DerekError
from kg.map import to_graph
from kg.map.samples import sample_extractions
from kg.store import Store, oxstore

BASE = "https://derek.kz/"


def build(store: Store) -> None:
    for ex in sample_extractions():
        store.replace_article(ex.article.id, to_graph(ex, base=BASE))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    st = Store(tmp_path / "kg-store", base=BASE)
    build(st)
    return st


def test_replace_twice_leaves_the_same_count(store: Store) -> None:
    before = store.triple_count()
    per_article = store.triple_count("a1")
    build(store)
    assert store.triple_count() == before
    assert store.triple_count("a1") == per_article
    assert store.articles() == ["a1", "a2"]


def test_replace_drops_triples_the_new_graph_lacks(store: Store) -> None:
    a1, _ = sample_extractions()
    a1.figures = a1.figures[:1]
    store.replace_article("a1", to_graph(a1, base=BASE))
    assert store.stats()["figures"] == 2  # one in a1, one in a2


def test_a_failing_replace_keeps_the_old_graph(store: Store,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    before = store.triple_count("a1")
    bad = Graph()
    bad.add((URIRef("https://derek.kz/id/x"), URIRef("https://derek.kz/p"), Literal("ok")))
    bad.add((URIRef("not an iri"), URIRef("https://derek.kz/p"), Literal("x")))
    with pytest.raises(DerekError) as err:
        store.replace_article("a1", bad)
    assert err.value.code == "E205"
    assert store.triple_count("a1") == before

    # a failure inside the update request itself (after DROP was parsed): still atomic
    real = oxstore.Store._update_text

    def broken(self: Store, g, graph):  # type: ignore[no-untyped-def]
        return real(self, g, graph) + " ; INSERT DATA { GRAPH <x:g> { <x:s> <x:p> 'unterminated } }"

    monkeypatch.setattr(oxstore.Store, "_update_text", broken)
    with pytest.raises(DerekError):
        store.replace_article("a1", to_graph(sample_extractions()[0], base=BASE))
    assert store.triple_count("a1") == before


def test_empty_graph_removes_the_article(store: Store) -> None:
    store.replace_article("a2", Graph())
    assert store.articles() == ["a1"]


def test_stats(store: Store) -> None:
    stats = store.stats()
    assert stats["articles"] == 2
    assert stats["triples"] == store.triple_count() > 0
    assert stats["people"] == 1  # the same person in both articles
    assert stats["organisations"] == 2
    assert stats["projects"] == 2
    assert stats["figures"] == 4
    assert stats["posts"] == 1


def test_article_graph_round_trip(store: Store) -> None:
    # no blank nodes, so set equality is graph equality; rdflib compares language
    # tags case-insensitively (pyoxigraph stores "kk-Latn" as "kk-latn")
    assert set(store.article_graph("a1")) == set(to_graph(sample_extractions()[0], base=BASE))
    assert len(store.article_graph("missing")) == 0


def test_query_with_bindings(store: Store) -> None:
    rows = list(store.query(
        "SELECT ?a ?id WHERE { GRAPH ?g { ?a derek:articleId ?id } }", {"id": "a2"}))
    assert [r["a"].value for r in rows] == ["https://derek.kz/id/article/a2"]


def test_query_refuses_updates(store: Store) -> None:
    with pytest.raises(DerekError) as err:
        store.query("DROP ALL")
    assert err.value.code == "E302"
    assert store.articles() == ["a1", "a2"]


def test_persists_and_reopens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "s"
    st = Store(path, base=BASE)
    build(st)
    count = st.triple_count()
    st.close()
    del st
    ro = Store(path, read_only=True, base=BASE)
    assert ro.triple_count() == count
    assert ro.articles() == ["a1", "a2"]
    with pytest.raises(DerekError) as err:
        ro.replace_article("a1", Graph())
    assert err.value.code == "E204"


def test_locked_store(store: Store) -> None:
    assert store.path is not None
    with pytest.raises(DerekError) as err:
        Store(store.path)
    assert err.value.code == "E202"
    assert err.value.hint


def test_missing_and_not_a_directory(tmp_path: Path) -> None:
    with pytest.raises(DerekError) as err:
        Store(tmp_path / "nothing-here", read_only=True)
    assert err.value.code == "E201"
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(DerekError) as err:
        Store(afile)
    assert err.value.code == "E201"


def test_corrupt_store(tmp_path: Path) -> None:
    path = tmp_path / "corrupt"
    path.mkdir()
    (path / "CURRENT").write_text("MANIFEST-999999\n")
    with pytest.raises(DerekError) as err:
        Store(path)
    assert err.value.code in ("E201", "E203")
    assert "hint" in str(err.value)


def test_a_batch_keeps_a_bad_graph_out_and_stores_the_others(store: Store) -> None:
    """New and replaced articles in one batch; one graph holds a term Oxigraph refuses."""
    a1, a2 = (to_graph(ex, base=BASE) for ex in sample_extractions())
    old_a1 = store.triple_count("a1")
    bad = Graph()
    bad.add((URIRef("https://derek.kz/id/has space"), URIRef("https://derek.kz/ontology#articleId"),
             Literal("a1")))
    errors = store.replace_articles({"a1": bad, "a3": a2, "a4": a1})
    assert list(errors) == ["a1"] and errors["a1"].code == "E205"
    assert store.triple_count("a1") == old_a1  # the old graph is kept
    assert store.articles() == ["a1", "a2", "a3", "a4"]
    assert store.triple_count("a3") == len(a2) and store.triple_count("a4") == len(a1)


def test_a_batch_of_new_articles_equals_one_by_one(tmp_path: Path) -> None:
    graphs = {ex.article.id: to_graph(ex, base=BASE) for ex in sample_extractions()}
    one, batch = Store(tmp_path / "one", base=BASE), Store(tmp_path / "batch", base=BASE)
    for article_id, g in graphs.items():
        one.replace_article(article_id, g)
    assert batch.replace_articles(graphs) == {}
    assert set(map(str, one.oxigraph)) == set(map(str, batch.oxigraph))
    assert batch.replace_articles(graphs) == {}  # replacing: the same again
    assert set(map(str, one.oxigraph)) == set(map(str, batch.oxigraph))


@pytest.mark.parametrize("on_disk", [True, False])
def test_a_failed_bulk_load_of_new_articles_leaves_no_half_written_graph(
        tmp_path: Path, on_disk: bool) -> None:
    """New articles go in one bulk load; a graph Oxigraph refuses, after good ones in the
    same N-Quads, fails it whole: the good ones are then written one by one, the bad one
    never, and nothing of the failed load is left (on disk and in memory)."""
    a1, a2 = (to_graph(ex, base=BASE) for ex in sample_extractions())
    bad = Graph()
    for t in list(a1)[:20]:  # good triples first, then the refused IRI
        bad.add(t)
    bad.add((URIRef("https://derek.kz/id/has space"), URIRef("https://derek.kz/ontology#articleId"),
             Literal("b")))
    st = Store(tmp_path / "kg-store" if on_disk else None, base=BASE)
    errors = st.replace_articles({"n1": a1, "b": bad, "n2": a2})
    assert list(errors) == ["b"] and errors["b"].code == "E205"
    assert st.articles() == ["n1", "n2"]
    assert st.triple_count("b") == 0
    assert st.triple_count("n1") == len(a1) and st.triple_count("n2") == len(a2)
    assert st.triple_count() == len(a1) + len(a2)
