"""Saved pages and RSS/Atom feeds as input (kg.read.pages, feeds)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rdflib import Literal, URIRef

from kg.model import Article
from kg.pipeline import build
from kg.query import run_saved
from kg.read import read_inputs
from kg.store import Store
from kg.vocab import DEREK, SCHEMA, XSD

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"
SEED_004 = ROOT / "seeds" / "004_6ee0fdbb400b8aeb.txt"
PAGE_004 = PAGES / "baq_004.html"
RSS = PAGES / "inform_regions.rss"
ATOM = PAGES / "egemen.atom"


def _figures(paths: list[Path], store: Path) -> Counter[tuple[str, str, str, str | None]]:
    build(paths, store, nlp=None)
    with Store(store, read_only=True) as st:
        rows = run_saved(st, "who-reported-figures").records()
    return Counter((r["value"], r["unit"], r["figureText"], r["reporterName"]) for r in rows)


def _nquads(store: Path) -> list[str]:
    with Store(store, read_only=True) as st:
        return sorted(st.dump("nquads").decode("utf-8").splitlines())


def _article_node(st: Store, article_id: str) -> tuple[URIRef, object]:
    g = st.article_graph(article_id)
    node = next(g.subjects(DEREK.articleId, Literal(article_id)))
    return node, g


# ---------------------------------------------------------------- pages


def test_saved_page_gives_the_seed_figures(tmp_path: Path) -> None:
    """The outlet page around seed 004 (menus, «Соңғы жаңалықтар» with figures of other
    stories, footer, cookie banner) yields exactly the .txt seed's figures and reporters."""
    from_txt = _figures([SEED_004], tmp_path / "txt")
    from_page = _figures([PAGE_004], tmp_path / "page")
    assert len(from_txt) >= 10
    assert from_page == from_txt


def test_saved_page_metadata_in_the_graph(tmp_path: Path) -> None:
    build([PAGE_004], tmp_path / "st", nlp=None)
    with Store(tmp_path / "st", read_only=True) as st:
        assert st.articles() == ["baq_004"]
        node, g = _article_node(st, "baq_004")
        assert g.value(node, SCHEMA.headline) == Literal(
            "Сағынтаев Алатау ауданының белсенді тұрғындарымен кездесті", lang="kk")
        assert g.value(node, SCHEMA.datePublished) == Literal(
            "2020-12-24T09:31:00+06:00", datatype=XSD.dateTime)
        assert g.value(node, SCHEMA.url) == Literal(
            "https://kaz.baq.kz/sagyntaev-alatau-audanynyn-belsendi-turgyndarymen-kezdesti-100843/",
            datatype=XSD.anyURI)
        assert g.value(node, SCHEMA.publisher) == Literal("BAQ.KZ")
        text = str(g.value(g.value(node, DEREK.hasText), URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString")))
    for furniture in ("Соңғы жаңалықтар", "cookie", "Барлық құқықтар", "Басты бет", "1489", "USD"):
        assert furniture not in text


def test_page_without_metadata_takes_a_date_from_its_text(tmp_path: Path) -> None:
    page = tmp_path / "bare.html"
    page.write_text(
        "<html><head><title>Жаңа мектеп ашылды | Aqparat</title></head><body>"
        "<div class='menu'><a href='/'>Басты бет</a> <a href='/k'>Қоғам</a></div>"
        "<div class='post'><h1>Жаңа мектеп ашылды</h1><div class='date'>12 Қараша 2024, 10:15</div>"
        "<p>Ауданда 600 орындық мектеп ашылды. Оның құрылысына 1,9 млрд теңге бөлінді.</p>"
        "<p>Мектепте 40 сынып бар, деді аудан әкімі.</p></div></body></html>",
        encoding="utf-8",
    )
    [a] = read_inputs([page])
    assert isinstance(a, Article)
    assert (a.id, a.title, a.url, a.publisher) == ("bare", "Жаңа мектеп ашылды", None, None)
    assert a.date == "2024-11-12T10:15:00"
    assert "600 орындық" in a.text and "Басты бет" not in a.text


def test_page_in_cp1251_with_declared_charset(tmp_path: Path) -> None:
    page = tmp_path / "old.htm"
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            "</head><body><article><p>Облыс бойынша жоба аясында 986 адам бар.</p></article></body></html>")
    page.write_bytes(html.encode("cp1251"))
    [a] = read_inputs([page])
    assert isinstance(a, Article) and "986 адам бар." in a.text  # letters cp1251 has


# ---------------------------------------------------------------- feeds


def test_rss_feed_items_are_articles_with_link_and_date() -> None:
    items = list(read_inputs([RSS]))
    assert all(isinstance(a, Article) for a in items) and len(items) == 3
    arts = [a for a in items if isinstance(a, Article)]
    assert [a.date for a in arts] == [
        "2024-06-03T10:15:00+05:00", "2024-06-03T12:40:00+05:00", "2024-06-03T16:05:00+05:00"]
    assert [a.url for a in arts] == [
        "https://www.inform.kz/kz/amanat-bko-taza-auyl-akciyasy_a4201101",
        "https://www.inform.kz/kz/semey-mektep_a4201177",
        "https://www.inform.kz/kz/maktaaral-ana_a4201230",
    ]
    assert {a.publisher for a in arts} == {"Qazinform — Аймақтар"}
    assert arts[1].title == "Семейде 1 200 орындық жаңа мектеп салынады"
    assert arts[1].text.startswith(arts[1].title + "\n")
    assert all("<p>" not in a.text for a in arts)
    assert len({a.id for a in arts}) == 3
    # content:encoded (the full text) is read, not the shortened description
    taza = (ROOT / "tests/data/articles/102_bko_taza_auyl.txt").read_text(encoding="utf-8")
    assert taza.strip().split("\n")[-1] in arts[0].text


def test_atom_feed_entries_are_articles(tmp_path: Path) -> None:
    items = list(read_inputs([ATOM]))
    assert [type(a) for a in items] == [Article, Article]
    arts = [a for a in items if isinstance(a, Article)]
    assert [(a.url, a.date) for a in arts] == [
        ("https://egemen.kz/article/361201-shqo-zhol", "2024-06-04T11:20:00+05:00"),
        ("https://egemen.kz/article/361245-bko-densaulyk", "2024-06-05T08:45:00+05:00"),
    ]
    assert {a.publisher for a in arts} == {"Egemen Qazaqstan"}
    # the feed's articles give the same figures as the .txt articles they were made from
    txt = [ROOT / "tests/data/articles/101_shqo_zhol.txt", ROOT / "tests/data/articles/106_bko_densaulyk.txt"]
    assert _figures([ATOM], tmp_path / "a") == _figures(txt, tmp_path / "t")


def test_feed_ids_are_stable_and_safe() -> None:
    import re

    first = [a.id for a in read_inputs([RSS, ATOM]) if isinstance(a, Article)]
    again = [a.id for a in read_inputs([RSS, ATOM]) if isinstance(a, Article)]
    assert first == again and len(set(first)) == 5
    assert all(re.fullmatch(r"[\w.\-]{1,200}", i) for i in first)
