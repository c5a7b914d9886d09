"""Kazakh in the Latin alphabet: the seeds transliterated build the same graph as the
Cyrillic seeds (people, organisations, projects, figures and their reporters), with
the graph's strings and offsets pointing into the Latin text as given (issue 12).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Store

from kg.nlp import load_pipeline
from kg.normalise.translit import translit
from kg.pipeline import build
from kg.read import read_inputs
from kg.read.latin import scheme_of, to_cyrillic

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED_004 = ROOT / "seeds" / "004_6ee0fdbb400b8aeb.txt"
NS = "https://derek.kz/ontology#"

pytestmark = pytest.mark.slow

# the 2018 (acute) and 2017 (apostrophe) official variants, from Cyrillic, for the tests
_V2018 = {"ә": "á", "ғ": "ǵ", "ң": "ń", "ө": "ó", "ү": "ú", "у": "ý", "ұ": "u", "ы": "y",
          "і": "i", "и": "í", "й": "í", "ш": "sh", "ч": "ch", "қ": "q", "ж": "j"}
_V2017 = {"ә": "a'", "ғ": "g'", "ң": "n'", "ө": "o'", "ү": "u'", "у": "u", "ұ": "y'",
          "ы": "y", "і": "i", "и": "i'", "й": "i'", "ш": "s'", "ч": "c'", "қ": "q", "ж": "j"}


def variant(text: str, table: dict[str, str]) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        lat = table.get(low) or translit(low)
        out.append(lat[:1].upper() + lat[1:] if ch != low and lat else lat)
    return "".join(out)


def graph_facts(store_dir: Path) -> dict[str, object]:
    st = Store(str(store_dir))
    facts: dict[str, object] = {}
    for name, cls in (("people", "https://schema.org/Person"),
                      ("organisations", "http://www.w3.org/ns/org#Organization"),
                      ("projects", NS + "Project")):
        facts[name] = {str(r[0]) for r in st.query(
            f"SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x a <{cls}> }} }}")}
    facts["figures"] = sorted(
        (str(r[0]), str(r[1]), str(r[2]), str(r[3]) if r[3] else "") for r in st.query(
            f"SELECT ?g ?v ?u ?r WHERE {{ GRAPH ?g {{ ?f <{NS}value> ?v ; <{NS}unit> ?u "
            f"OPTIONAL {{ ?f <{NS}reportedBy> ?r }} }} }}"))
    return facts


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


def _write(directory: Path, texts: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def cyrillic_store(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:  # type: ignore[no-untyped-def]
    store = tmp_path_factory.mktemp("cyr") / "store"
    build(SEEDS, store, nlp=nlp)
    return store


def test_all_five_seeds_in_latin_give_the_same_graph(tmp_path: Path, nlp, cyrillic_store: Path) -> None:  # type: ignore[no-untyped-def]
    latin = _write(tmp_path / "latin", {p.name: translit(p.read_text(encoding="utf-8")) for p in SEEDS})
    store = tmp_path / "store"
    report = build([latin], store, nlp=nlp)
    assert len(report.stored) == len(SEEDS)
    want, got = graph_facts(cyrillic_store), graph_facts(store)
    for key in ("people", "organisations", "projects", "figures"):
        assert got[key] == want[key], key
    # seed 004: 10 figures, three reported by Бақытжан Сағынтаев
    figs_004 = [f for f in got["figures"] if "004_6ee0fdbb400b8aeb" in f[0]]  # type: ignore[attr-defined]
    assert len(figs_004) == 10
    assert sum(1 for f in figs_004 if "sagyntaev" in f[3]) == 3


@pytest.mark.parametrize("scheme,table", [("2018", _V2018), ("2017", _V2017)])
def test_the_2017_and_2018_variants_read_like_2021(tmp_path: Path, nlp, cyrillic_store: Path,  # type: ignore[no-untyped-def]
                                                   scheme: str, table: dict[str, str]) -> None:
    text = variant(SEED_004.read_text(encoding="utf-8"), table)
    assert scheme_of(text) == scheme
    store = tmp_path / "store"
    build([_write(tmp_path / "in", {SEED_004.name: text})], store, nlp=nlp)
    want = [f for f in graph_facts(cyrillic_store)["figures"] if "004_" in f[0]]  # type: ignore[attr-defined]
    assert graph_facts(store)["figures"] == want


def test_offsets_and_strings_point_into_the_latin_text(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    latin_text = translit(SEED_004.read_text(encoding="utf-8"))
    store = tmp_path / "store"
    build([_write(tmp_path / "in", {"lat004.txt": latin_text})], store, nlp=nlp)
    st = Store(str(store))
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    (text,) = [str(r[0].value) for r in st.query(
        f"SELECT ?t WHERE {{ GRAPH ?g {{ ?c <{nif}isString> ?t }} }}")]
    assert text == latin_text.strip()
    anchored = list(st.query(
        f"SELECT ?b ?e ?a WHERE {{ GRAPH ?g {{ ?n <{nif}beginIndex> ?b ; <{nif}endIndex> ?e ;"
        f" <{nif}anchorOf> ?a }} }}"))
    assert len(anchored) > 20
    for b, e, a in anchored:
        assert text[int(b.value):int(e.value)] == a.value
    texts = {str(r[0].value) for r in st.query(
        f"SELECT ?t WHERE {{ GRAPH ?g {{ ?f <{NS}figureText> ?t }} }}")}
    assert len(texts) >= 5  # figure strings are slices of the Latin text
    assert not any(any("\u0400" <= c <= "\u04ff" for c in t) for t in texts)


def test_one_person_across_scripts_is_one_node(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    cyr = SEED_004.read_text(encoding="utf-8")
    store = tmp_path / "store"
    build([_write(tmp_path / "in", {"cyr.txt": cyr, "lat.txt": translit(cyr)})], store, nlp=nlp)
    st = Store(str(store))
    rows = list(st.query(
        f"SELECT ?p (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH ?g {{ ?p a <https://schema.org/Person> ;"
        f" <{NS}mentionedIn> ?a }} }} GROUP BY ?p"))
    assert rows and all(int(n.value) == 2 for _, n in rows)


def test_mixed_script_text_is_read_line_by_line() -> None:
    text = ("Алматыда «Іскер ана» жобасы таныстырылды\n"
            "Joba aiasynda 986 adam jūmysqa ornalasty, – dedı Baqytjan Sağyntaev.\n"
            "Your email address will not be published.")
    c = to_cyrillic(text)
    lines = c.text.split("\n")
    assert lines[0] == text.split("\n")[0]
    assert lines[1] == "Жоба аясында 986 адам жұмысқа орналасты, – деді Бақытжан Сағынтаев."
    assert lines[2] == text.split("\n")[2]
    s, e = c.source_span(c.text.index("Бақытжан"), c.text.index("."), )
    assert text[s:e] == "Baqytjan Sağyntaev"


def test_latin_article_read_keeps_the_original(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Jobağa 18 myñğa juyq adam tartyldy.\nBūl – jaqsy nätije.",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Leave a reply. Your email address will not be published.",
                                    encoding="utf-8")
    a, b = read_inputs([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert a.text.startswith("Жобаға 18 мыңға жуық") and a.original.startswith("Jobağa")  # type: ignore[union-attr]
    assert a.title == "Jobağa 18 myñğa juyq adam tartyldy."  # type: ignore[union-attr]
    assert "E005" in str(b)  # English is not read as Latin-script Kazakh
