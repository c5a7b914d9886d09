"""Whole-store queries split by named graph and run in threads (kg.query.partition):
the same rows as one query, on a store built from the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import build
from kg.query import Rows, list_saved, load_saved, order, partition, run_saved
from kg.store import Store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("partition") / "store"
    build(sorted(SEEDS.glob("*.txt")), path, nlp=None)
    return Store(path, read_only=True)


def key(rows: Rows) -> list[tuple[str, ...]]:
    return sorted(tuple(map(str, r)) for r in rows.terms)


@pytest.mark.parametrize("name", list_saved())
def test_chunks_in_threads_give_the_rows_of_one_query(store: Store, name: str) -> None:
    text = order.plan(load_saved(name).text).text
    assert partition.graph_local(text)
    one = Rows.from_solutions(store.query(text))
    split = partition.partitioned(store, text, {}, None, threads=2, chunk=2, min_graphs=1)
    assert split is not None and split.columns == one.columns
    assert len(one) > 0 and key(split) == key(one)


@pytest.mark.parametrize("name", list_saved())
def test_a_partitioned_saved_query_keeps_the_engines_order(
        store: Store, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    q = load_saved(name)
    engine = Rows.from_solutions(store.query(q.text))
    calls: list[int] = []
    real = partition.partitioned

    def spy(*args, **kw):  # noqa: ANN002, ANN003
        out = real(*args, **kw)
        calls.append(out is not None)
        return out

    monkeypatch.setattr(partition, "CHUNK_GRAPHS", 2)
    monkeypatch.setattr(partition, "PARTITION_MIN_GRAPHS", 1)
    monkeypatch.setattr("kg.query.saved.partitioned", spy)
    ours = run_saved(store, name)
    assert calls == [True]
    assert ours.terms == engine.terms


def test_a_bound_parameter_over_several_articles_is_split_too(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    people = [p for p in run_saved(store, "people").column("personName") if p]
    assert people
    whole = run_saved(store, "who-reported-figures", {"articleId": store.articles()[0]})
    monkeypatch.setattr(partition, "CHUNK_GRAPHS", 1)
    monkeypatch.setattr(partition, "PARTITION_MIN_GRAPHS", 1)
    assert run_saved(store, "who-reported-figures", {"articleId": store.articles()[0]}).terms == whole.terms
    for person in people[:3]:
        monkeypatch.setattr(partition, "PARTITION_MIN_GRAPHS", 10**6)
        alone = run_saved(store, "figures-by-person", {"personName": person})
        monkeypatch.setattr(partition, "PARTITION_MIN_GRAPHS", 1)
        assert run_saved(store, "figures-by-person", {"personName": person}).terms == alone.terms


@pytest.mark.parametrize("text", [
    "SELECT DISTINCT ?a WHERE { GRAPH ?g { ?a ?p ?o } }",
    "SELECT (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?a ?p ?o } }",
    "SELECT ?a WHERE { GRAPH ?g { ?a ?p ?o } } LIMIT 3",
    "SELECT ?a WHERE { GRAPH ?g { ?a ?p ?o FILTER EXISTS { GRAPH ?h { ?o ?q ?r } } } }",
    "SELECT ?a WHERE { ?a ?p ?o }",
    "ASK { GRAPH ?g { ?a ?p ?o } }",
    "SELECT ?a WHERE { GRAPH <https://derek.kz/graph/x> { ?a ?p ?o } }",
    "SELECT ?a FROM NAMED <https://derek.kz/graph/x> WHERE { GRAPH ?g { ?a ?p ?o } }",
    "SELECT ?a WHERE { GRAPH ?g { ?a ?p ?o SERVICE <https://q.example/sparql> { ?o ?q ?r } } }",
    "not sparql {",
])
def test_queries_whose_rows_span_graphs_run_whole(store: Store, text: str) -> None:
    assert not partition.graph_local(text)
    assert partition.partitioned(store, text, {}, None, min_graphs=1) is None


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("name", list_saved())
def test_a_streamed_query_in_chunks_writes_one_header_and_every_row(
        store: Store, name: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from kg.query.saved import stream_saved

    whole = io.BytesIO()
    monkeypatch.setattr(partition, "PARTITION_MIN_GRAPHS", 10**6)
    stream_saved(store, name, {}, whole, fmt)
    monkeypatch.setattr(partition, "CHUNK_GRAPHS", 1)
    monkeypatch.setattr(partition, "PARTITION_MIN_GRAPHS", 1)
    split = io.BytesIO()
    assert partition.partitioned_stream(store, order.plan(load_saved(name).text).text, {}, None,
                                        io.BytesIO(), partition.ox.QueryResultsFormat.CSV)
    stream_saved(store, name, {}, split, fmt)
    a, b = whole.getvalue().splitlines(), split.getvalue().splitlines()
    assert len(a) > 1 and a[0] == b[0] and sorted(a[1:]) == sorted(b[1:])


def test_a_streamed_query_in_chunks_still_checks_its_columns(store: Store) -> None:
    import io

    from kg.errors import DerekError

    def check(found: list[str]) -> None:
        raise DerekError("E306", f"columns {found}", hint="")

    out = io.BytesIO()
    with pytest.raises(DerekError, match="E306"):
        partition.partitioned_stream(store, "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", {}, None,
                                     out, partition.ox.QueryResultsFormat.TSV, check, min_graphs=1)
    assert out.getvalue() == b""
    assert not partition.partitioned_stream(store, "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }",
                                            {}, None, out, partition.ox.QueryResultsFormat.JSON,
                                            min_graphs=1)
