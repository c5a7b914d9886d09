"""The saved queries of spec §4: names, columns, rows, parameters, formats."""

from __future__ import annotations

import csv
import io
import json
import re

import pyoxigraph as ox
import pytest

from kg.errors import DerekError
from kg.map import to_graph
from kg.map.samples import ASANOV, BRANCH, PARTY, sample_extractions
from kg.query import (
    QUERIES_DIR,
    SAVED_FOR_EVALUATION,
    Rows,
    format_rows,
    list_saved,
    load_saved,
    run_saved,
    run_sparql,
)
from kg.store import Store

CONTRACT = {
    "who-reported-figures": ["articleId", "reporterName", "value", "unit", "qualifier",
                             "figureText", "sentence"],
    "people": ["articleId", "personName", "position", "organisationName"],
    "organisations": ["articleId", "organisationName", "parentName"],
    "projects": ["articleId", "projectName"],
    "figures-by-project": ["articleId", "projectName", "value", "unit", "figureText"],
}
#: columns after the spec's (issue 12): the article's date
EXTRA = {"who-reported-figures": ["date"]}
WHO = CONTRACT["who-reported-figures"] + EXTRA["who-reported-figures"]


@pytest.fixture(scope="module")
def store() -> Store:
    st = Store(None)
    # stored in reverse order: output order must not depend on insertion order
    for ex in reversed(sample_extractions()):
        st.replace_article(ex.article.id, to_graph(ex))
    return st


def test_the_five_saved_queries_exist() -> None:
    assert set(CONTRACT) <= set(list_saved())
    assert set(SAVED_FOR_EVALUATION) == set(CONTRACT)


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_columns(store: Store, name: str) -> None:
    q = load_saved(name)
    assert q.columns[: len(CONTRACT[name])] == CONTRACT[name]
    assert q.description
    assert "articleId" in q.params
    rows = run_saved(store, name, {})
    assert rows.columns[: len(CONTRACT[name])] == CONTRACT[name]
    assert len(rows) > 0
    assert all(r["articleId"] in ("a1", "a2") for r in rows)
    ids = rows.column("articleId")
    assert ids == sorted(ids)  # type: ignore[type-var]


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_queries_read_named_graphs_explicitly(name: str) -> None:
    text = load_saved(name).text
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    assert "GRAPH ?g" in body
    assert re.search(r"ORDER BY \?articleId", body)
    # Jena and pyoxigraph agree: parses with the default graph as the plain store graph
    assert list(ox.Store().query(text)) == []


def test_who_reported_figures(store: Store) -> None:
    rows = run_saved(store, "who-reported-figures", {}).records()
    assert [(r["articleId"], r["figureText"]) for r in rows] == [
        ("a1", "369 нысан"), ("a1", "43%"), ("a1", "92,5 млн теңге"),
        ("a2", "1 500-ден астам отбасы")]
    first, _, money, last = rows
    assert first["reporterName"] == ASANOV
    assert first["value"] == "369" and first["unit"] == "нысан" and first["qualifier"] == "exact"
    assert first["sentence"] and "369 нысан" in first["sentence"]
    assert money["reporterName"] is None  # unbound where nobody
    assert money["value"] == "92500000" and money["unit"] == "KZT"
    assert last["qualifier"] == "more_than"


def test_people_and_posts(store: Store) -> None:
    rows = run_saved(store, "people", {}).records()
    assert rows == [
        {"articleId": "a1", "personName": ASANOV, "position": "атқарушы хатшысы",
         "organisationName": BRANCH},
        {"articleId": "a2", "personName": ASANOV, "position": None, "organisationName": None},
    ]


def test_organisations_projects_and_figures_by_project(store: Store) -> None:
    orgs = run_saved(store, "organisations", {}).records()
    assert {(r["organisationName"], r["parentName"]) for r in orgs} == {
        (PARTY, None), (BRANCH, PARTY)}
    projects = run_saved(store, "projects", {}).records()
    assert [(r["articleId"], r["projectName"]) for r in projects] == [
        ("a1", "Кедергісіз келешек"), ("a2", "Бақытты отбасы")]
    figs = run_saved(store, "figures-by-project", {}).records()
    assert [(r["articleId"], r["projectName"], r["value"]) for r in figs] == [
        ("a1", "Кедергісіз келешек", "369"), ("a1", "Кедергісіз келешек", "43"),
        ("a2", "Бақытты отбасы", "1500")]


def test_parameters_are_bound_not_pasted(store: Store) -> None:
    assert run_saved(store, "projects", {"articleId": "a2"}).column("projectName") == [
        "Бақытты отбасы"]
    rows = run_saved(store, "people", {"personName": ASANOV, "articleId": "a1"})
    assert len(rows) == 1
    # an injection attempt is just a literal that matches nothing
    evil = 'a1" } } DROP ALL ; SELECT * { ?s ?p ?o'
    assert len(run_saved(store, "projects", {"articleId": evil})) == 0
    assert store.articles() == ["a1", "a2"]
    with pytest.raises(DerekError) as err:
        run_saved(store, "projects", {"nope": "x"})
    assert err.value.code == "E304" and "articleId" in err.value.hint


def test_unknown_saved_query_lists_the_available_ones() -> None:
    with pytest.raises(DerekError) as err:
        load_saved("who-said-what")
    assert err.value.code == "E303"
    for name in CONTRACT:
        assert name in err.value.hint
    with pytest.raises(DerekError):
        load_saved("../pyproject")
    assert load_saved("projects.rq").name == "projects"
    assert (QUERIES_DIR / "projects.rq").is_file()


@pytest.mark.parametrize("text", [
    "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
    "# comment\nPREFIX x: <http://x/>\nDELETE WHERE { ?s ?p ?o }",
    "drop all",
    "CLEAR GRAPH <https://derek.kz/graph/a1>",
])
def test_run_sparql_refuses_updates(store: Store, text: str) -> None:
    with pytest.raises(DerekError) as err:
        run_sparql(store, text)
    assert err.value.code == "E302"
    assert store.articles() == ["a1", "a2"]


def test_run_sparql(store: Store) -> None:
    rows = run_sparql(store, "SELECT ?id WHERE { GRAPH ?g { ?a derek:articleId ?id } } ORDER BY ?id")
    assert isinstance(rows, Rows) and rows.column("id") == ["a1", "a2"]
    assert run_sparql(store, "ASK { GRAPH ?g { ?f a derek:Figure } }") is True
    triples = run_sparql(store, "CONSTRUCT { ?a ?p ?o } WHERE { GRAPH ?g { ?a derek:articleId ?o ; ?p ?o } }")
    assert isinstance(triples, Rows) and len(triples) == 2
    with pytest.raises(DerekError) as err:
        run_sparql(store, "SELECT WHERE {")
    assert err.value.code == "E301"


def test_formats(store: Store) -> None:
    rows = run_saved(store, "who-reported-figures", {})
    table = format_rows(rows, "table").splitlines()
    assert table[0].split() == WHO
    assert set(table[1]) <= {"-", " "}
    assert len(table) == 2 + len(rows)

    parsed = list(csv.reader(io.StringIO(format_rows(rows, "csv"))))
    assert parsed[0] == WHO
    assert parsed[3][1] == ""  # unbound reporter

    tsv = format_rows(rows, "tsv").splitlines()
    assert tsv[0].split("\t") == ["?" + c for c in WHO]
    assert '"369"^^<http://www.w3.org/2001/XMLSchema#decimal>' in tsv[1]

    doc = json.loads(format_rows(rows, "json"))
    assert doc["head"]["vars"] == WHO
    b = doc["results"]["bindings"]
    assert b[0]["reporterName"] == {"type": "literal", "value": ASANOV, "xml:lang": "kk"}
    assert "reporterName" not in b[2]
    # what pyoxigraph writes, pyoxigraph reads back
    again = ox.parse_query_results(format_rows(rows, "json").encode(), format=ox.QueryResultsFormat.JSON)
    assert len(list(again)) == len(rows)  # type: ignore[arg-type]
    with pytest.raises(DerekError):
        format_rows(rows, "xlsx")


FILTERS = [(n, p) for n in list_saved() for p, (kind, _) in load_saved(n).params.items()
           if kind != "date"]


@pytest.mark.parametrize(("name", "param"), FILTERS)
def test_a_filtered_query_gets_exactly_the_matching_rows(store: Store, name: str, param: str) -> None:
    """Filtering (the dataset narrowed to the graphs holding the value) gives exactly the
    rows of the whole-store listing with that value, in the same order."""
    everything = run_saved(store, name).records()
    values = sorted({r[param] for r in everything if r.get(param)})
    assert values
    for value in values:
        alone = run_saved(store, name, {param: value}).records()
        assert alone and alone == [r for r in everything if r[param] == value]
    assert run_saved(store, name, {param: "no-such-value"}).records() == []


@pytest.mark.parametrize("name", ["who-reported-figures", "figures-by-person"])
def test_a_date_range_keeps_the_articles_published_in_it(store: Store, name: str) -> None:
    """a1 is dated 2022-03-01, a2 has no date: a range keeps a1's rows (bounds inclusive),
    drops a2's (no date is in no range), and goes with other parameters."""
    everything = run_saved(store, name).records()
    dated = [r for r in everything if r["date"]]
    assert dated and (len(dated) < len(everything) or name == "figures-by-person")  # a2: no reporter
    for params in ({"dateFrom": "2022-03-01"}, {"dateTo": "2022-03-01"},
                   {"dateFrom": "2022-01-01", "dateTo": "2022-12-31"}):
        assert run_saved(store, name, params).records() == dated
    for params in ({"dateFrom": "2022-03-02"}, {"dateTo": "2022-02-28"},
                   {"dateFrom": "2022-03-02", "dateTo": "2022-03-01"}):
        assert run_saved(store, name, params).records() == []
    if name == "who-reported-figures":
        both = run_saved(store, name, {"dateFrom": "2022-01-01", "articleId": "a1"}).records()
        assert both == [r for r in dated if r["articleId"] == "a1"]
    with pytest.raises(DerekError, match="E304"):
        run_saved(store, name, {"dateFrom": "1 March 2022"})


def test_who_reported_figures_gives_the_article_date(store: Store) -> None:
    """a1 has a date (2022-03-01), a2 none: the column is bound and unbound accordingly."""
    dates = {(r["articleId"], r["date"]) for r in run_saved(store, "who-reported-figures").records()}
    assert ("a1", "2022-03-01") in dates
    assert all(d == "2022-03-01" for a, d in dates if a == "a1")
    assert {d for a, d in dates if a == "a2"} == {None}


def test_figures_by_person_lists_one_reporters_figures_in_date_order(store: Store) -> None:
    who = run_saved(store, "who-reported-figures").records()
    mine = [r for r in who if r["reporterName"] == ASANOV]
    assert mine, "the samples have figures reported by Асанов"
    rows = run_saved(store, "figures-by-person", {"personName": ASANOV}).records()
    assert {r["personName"] for r in rows} == {ASANOV}
    assert sorted((r["articleId"], r["figureText"]) for r in rows) == sorted(
        (r["articleId"], r["figureText"]) for r in mine)
    order = [(r["date"] is not None, r["date"] or "", r["articleId"]) for r in rows]
    assert order == sorted(order)  # unbound dates first (SPARQL's order), then by date, article
    assert run_saved(store, "figures-by-person", {"personName": "Жоқ Адам"}).records() == []


@pytest.mark.parametrize("name", list_saved())
def test_streamed_rows_are_the_ordered_rows_in_some_order(store: Store, name: str) -> None:
    """``kg query --stream`` drops ORDER BY only: the same rows (as a multiset), same columns."""
    from kg.query.saved import stream_saved

    ordered = run_saved(store, name).serialize("csv").decode().splitlines()
    buf = io.BytesIO()
    params = {"personName": ASANOV} if "personName" in load_saved(name).params else {}
    if params:
        ordered = run_saved(store, name, params).serialize("csv").decode().splitlines()
    stream_saved(store, name, params, buf, "csv")
    streamed = buf.getvalue().decode().splitlines()
    assert streamed[0] == ordered[0]
    assert len(streamed) > 1 and sorted(streamed[1:]) == sorted(ordered[1:])


def test_stream_refuses_a_format_it_cannot_stream(store: Store) -> None:
    from kg.query.saved import stream_saved

    with pytest.raises(DerekError, match="E307"):
        stream_saved(store, "people", {}, io.BytesIO(), "xml")


# -- the ORDER BY taken out of the engine (kg.query.order) -------------------------------

@pytest.fixture(scope="module")
def sample_store() -> Store:
    """The committed dump of real built articles (``tests/data/sample.trig``)."""
    st = Store(None)
    st.oxigraph.load(path=str(QUERIES_DIR.parent / "tests" / "data" / "sample.trig"),
                     format=ox.RdfFormat.TRIG)
    return st


def engine_rows(st: Store, name: str, params: dict[str, str] | None = None) -> Rows:
    q = load_saved(name)
    bindings = {k: q.term(k, v) for k, v in (params or {}).items()}
    return Rows.from_solutions(st.query(q.text, bindings))


@pytest.mark.parametrize("name", list_saved())
def test_rows_sorted_in_python_are_in_the_engines_order(sample_store: Store, name: str) -> None:
    from kg.query import order

    assert order.plan(load_saved(name).text) is not None, "every saved query is sorted in Python"
    ours, theirs = run_saved(sample_store, name), engine_rows(sample_store, name)
    assert len(ours) > 0
    assert ours.columns == theirs.columns
    assert ours.terms == theirs.terms


def test_python_order_handles_unbound_descending_and_mixed_kinds() -> None:
    from kg.query import order

    st = Store(None)
    ex = "https://derek.kz/test/"
    xsd = "http://www.w3.org/2001/XMLSchema#"
    values: list[ox.Literal | None] = [ox.Literal("10", datatype=ox.NamedNode(xsd + "integer")),
                                       ox.Literal("9", datatype=ox.NamedNode(xsd + "integer")),
                                       None, ox.Literal("-3", datatype=ox.NamedNode(xsd + "integer"))]
    for i, v in enumerate(values):
        s = ox.NamedNode(f"{ex}s{i}")
        st.oxigraph.add(ox.Quad(s, ox.NamedNode(ex + "name"), ox.Literal(f"ә{i % 2}")))
        if v is not None:
            st.oxigraph.add(ox.Quad(s, ox.NamedNode(ex + "n"), v))
    text = (f"SELECT ?name ?s WHERE {{ ?s <{ex}name> ?name OPTIONAL {{ ?s <{ex}n> ?n }} }}\n"
            "ORDER BY DESC(?name) ?n")
    p = order.plan(text)
    assert p is not None and p.keys == [("name", True), ("n", False)]
    result = st.query(p.text)
    columns = [v.value for v in result.variables]
    rows = order.sort_rows([tuple(r) for r in result], columns, p.keys)
    assert rows is not None
    assert [r[:p.width] for r in rows] == engine_rows_of(st, text)
    # 9 < 10 as numbers, unbound first: s2 (unbound) comes before s0 (10) among «ә0»
    assert [r[1].value.rsplit("/", 1)[1] for r in rows] == ["s3", "s1", "s2", "s0"]
    # a column of mixed kinds (dates beside date-times, with and without time zones, as
    # articles' dates are) is ranked by the engine's own comparator
    date, stamp = ox.NamedNode(xsd + "date"), ox.NamedNode(xsd + "dateTime")
    mixed = [ox.Literal("2024-06-04", datatype=date), ox.Literal("2024-06-04+05:00", datatype=date),
             ox.Literal("2024-06-03T10:00:00", datatype=stamp), ox.Literal("2024-06-03", datatype=date),
             ox.Literal("2024-06-03T10:00:00+05:00", datatype=stamp),
             ox.Literal("2024-06-04T23:30:00", datatype=stamp),
             ox.Literal("2024-06-05T01:00:00+05:00", datatype=stamp)]
    st = Store(None)
    for i, v in enumerate(mixed):
        s = ox.NamedNode(f"{ex}m{i}")
        st.oxigraph.add(ox.Quad(s, ox.NamedNode(ex + "name"), ox.Literal("m")))
        st.oxigraph.add(ox.Quad(s, ox.NamedNode(ex + "n"), v))
    for mixed_text in (text.replace("DESC(?name) ?n", "?n ?s"),
                       text.replace("DESC(?name) ?n", "DESC(?n) ?s")):
        p = order.plan(mixed_text)
        assert p is not None
        result = st.query(p.text)
        rows = order.sort_rows([tuple(r) for r in result], [v.value for v in result.variables], p.keys)
        assert [r[:p.width] for r in rows] == engine_rows_of(st, mixed_text)


def test_a_column_with_no_total_order_is_still_sorted_by_the_engines_comparator() -> None:
    """Integers, a decimal, a string and dates: Oxigraph's comparator is cyclic here
    (9 < 10 as numbers, 10 < 2024-06-04 and 2024-06-04 < 9 as text), so SPARQL leaves
    the order open and the engine's own depends on the input's; ours ranks the distinct
    values once, by that comparator, and is the same whatever the input's order."""
    from kg.query import order

    xsd = "http://www.w3.org/2001/XMLSchema#"
    i, d = ox.NamedNode(xsd + "integer"), ox.NamedNode(xsd + "date")
    values = [ox.Literal("10", datatype=i), ox.Literal("9", datatype=i), ox.Literal("ten"),
              ox.Literal("2.5", datatype=ox.NamedNode(xsd + "decimal")),
              ox.Literal("2024-06-04", datatype=d), None]
    ranks = order.engine_ranks(values)
    assert ranks[None] == 0 and ranks[values[1]] < ranks[values[0]]  # 9 before 10
    rows = [(v,) for v in values]
    once = order.sort_rows(rows, ["v"], [("v", False)])
    assert order.sort_rows(rows[::-1], ["v"], [("v", False)]) == once
    assert sorted(map(repr, once)) == sorted(map(repr, rows))


def engine_rows_of(st: Store, text: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in st.query(text)]


@pytest.mark.parametrize("text", [
    "SELECT ?a WHERE { ?a ?p ?b }",                                   # no ORDER BY
    "SELECT ?a WHERE { ?a ?p ?b }\nORDER BY ?a LIMIT 3",              # LIMIT after it
    "SELECT DISTINCT ?a WHERE { ?a ?p ?b }\nORDER BY ?a",             # DISTINCT
    "SELECT ?a (STR(?b) AS ?c) WHERE { ?a ?p ?b }\nORDER BY ?a",      # an expression
    "SELECT ?a WHERE { ?a ?p ?b }\nORDER BY STR(?a)",                 # a key expression
    "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?b } } }\nORDER BY ?a",  # a sub-SELECT
])
def test_orders_only_the_engine_gives_are_left_to_it(text: str) -> None:
    from kg.query import order

    assert order.plan(text) is None
