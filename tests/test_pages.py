"""Saved pages, RSS/Atom feeds and WARC crawls as input (kg.read.pages, feeds, warc)."""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.model import Article
from kg.pipeline import build
from kg.query import run_saved
from kg.read import Skipped, read_inputs
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


# ---------------------------------------------------------------- WARC


def _warc(records: list[tuple[str, str, bytes, str]], gz: bool = True) -> bytes:
    """A WARC of (uri, status line, body, content type) responses, plus one request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for n, (uri, status, body, ctype) in enumerate(records):
        req = StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "example.kz")], is_http_request=True)
        writer.write_record(writer.create_warc_record(uri, "request", http_headers=req))
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Date": f"2025-01-0{n + 1}T08:00:00Z"}))
    return buf.getvalue()


def _second_page() -> bytes:
    text = (ROOT / "tests/data/articles/103_zhambyl_enbek.txt").read_text(encoding="utf-8").strip()
    title, *body = [ln for ln in text.split("\n") if ln.strip()]
    ps = "".join(f"<p>{p}</p>" for p in body)
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Басты бет</a></nav>"
            f"<main><h1>{title}</h1>{ps}</main><footer>© 2025</footer></body></html>").encode()


def _crawl() -> bytes:
    return _warc([
        ("https://kaz.baq.kz/news/100843", "200 OK", PAGE_004.read_bytes(), "text/html; charset=utf-8"),
        ("https://kaz.baq.kz/storage/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
        ("https://jambyl.kz/kk/news/enbek", "200 OK", _second_page(), "text/html"),
        ("https://jambyl.kz/kk/news/missing", "404 Not Found", "<html><body><p>Бет табылмады</p></body></html>".encode(), "text/html"),
    ])


def test_warc_html_responses_are_articles(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(_crawl())
    items = list(read_inputs([crawl]))
    assert [type(a) for a in items] == [Article, Article]
    baq, jambyl = items
    assert isinstance(baq, Article) and isinstance(jambyl, Article)
    # the page's own canonical URL and date; the second page has none: the WARC's URI and date
    assert baq.url.startswith("https://kaz.baq.kz/sagyntaev") and baq.date == "2020-12-24T09:31:00+06:00"
    assert jambyl.url == "https://jambyl.kz/kk/news/enbek" and jambyl.date == "2025-01-03T08:00:00Z"
    assert baq.id.startswith("100843-") and jambyl.id.startswith("enbek-")
    # the page in the crawl reads as the saved page does
    assert _figures([crawl], tmp_path / "w") == _figures([SEED_004, ROOT / "tests/data/articles/103_zhambyl_enbek.txt"], tmp_path / "t")


def test_uncompressed_warc(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(gzip.decompress(_crawl()))
    assert [type(a) for a in read_inputs([crawl])] == [Article, Article]


def test_truncated_warc_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    data = _crawl()
    cut = tmp_path / "cut.warc.gz"
    # cut inside the 6th record (the second page's response): its gzip member ends early
    from kg.read.warc import gzip_break

    starts = []
    pos = 0
    while pos < len(data):
        starts.append(pos)
        d = __import__("zlib").decompressobj(31)
        d.decompress(data[pos:])
        pos = len(data) - len(d.unused_data)
    cut.write_bytes(data[: starts[5] + (starts[6] - starts[5]) // 2])
    assert gzip_break(io.BytesIO(cut.read_bytes()))[0] == starts[5]
    items = list(read_inputs([cut]))
    assert [type(a) for a in items] == [Article, Skipped]
    assert isinstance(items[0], Article) and items[0].id.startswith("100843-")
    assert isinstance(items[1], Skipped) and items[1].problem.code == "E017"
    assert "after 5 whole record(s)" in items[1].problem.message


# ---------------------------------------------------------------- bad input


def _bad_inputs(d: Path) -> dict[str, str]:
    """Bad files of each format → the code each must be skipped with."""
    d.mkdir()
    (d / "empty.html").write_bytes(b"")
    (d / "broken.html").write_text("<html><head><title>x</title></head><body><div><span></span>",
                                   encoding="utf-8")
    (d / "scripts.html").write_text("<html><body><script>var a = 1;</script><nav><a>Басты бет</a></nav></body></html>",
                                    encoding="utf-8")
    (d / "russian.html").write_text(
        "<html><body><article><p>Проект продолжается в этом году, и это было хорошо для всех жителей.</p>"
        "<p>В нём участвуют 500 человек, которые получили работу.</p></article></body></html>", encoding="utf-8")
    (d / "no-items.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Жаңалықтар</title>'
                                    "</channel></rss>", encoding="utf-8")
    (d / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://x.kz/1</loc></url></urlset>',
                                   encoding="utf-8")
    (d / "not-xml.atom").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    data = _crawl()
    (d / "cut.warc.gz").write_bytes(data[:300])
    (d / "images.warc.gz").write_bytes(_warc([("https://x.kz/a.png", "200 OK", b"\x89PNG" + bytes(50), "image/png")]))
    (d / "text.warc").write_text("this is not a WARC file\n" * 20, encoding="utf-8")
    return {
        "empty.html": "E001", "broken.html": "E014", "scripts.html": "E014", "russian.html": "E006",
        "no-items.rss": "E015", "sitemap.xml": "E016", "not-xml.atom": "E016",
        "cut.warc.gz": "E017", "images.warc.gz": "E018", "text.warc": "E017",
    }  # fmt: skip


def test_bad_inputs_are_skipped_with_codes(tmp_path: Path) -> None:
    expected = _bad_inputs(tmp_path / "bad")
    items = list(read_inputs([tmp_path / "bad"]))
    assert all(isinstance(i, Skipped) for i in items)
    got = {Path(i.where.split("#")[0]).name: i.problem.code for i in items if isinstance(i, Skipped)}
    assert got == expected
    assert all("\n" not in str(i) for i in items)


def test_bad_inputs_leave_the_store_unchanged(tmp_path: Path) -> None:
    store = tmp_path / "st"
    report = build([PAGE_004], store, nlp=None)
    assert report.stored == ["baq_004"]
    before = _nquads(store)
    _bad_inputs(tmp_path / "bad")
    report = build([tmp_path / "bad"], store, nlp=None)
    assert not report.stored and len(report.skipped) == 10
    assert _nquads(store) == before


@pytest.mark.slow
def test_cli_builds_page_feed_and_crawl(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(_crawl())
    bad = tmp_path / "bad.xml"
    bad.write_text("<urlset/>", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(PAGE_004), str(RSS), str(crawl), str(bad),
         "--no-ner", "--quiet", "--store", str(tmp_path / "st")],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=600,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert [ln for ln in proc.stderr.splitlines() if "E016" in ln][0].startswith("skipped")
    # the page is in the crawl too, under the crawl's id: 1 + 3 + 2 articles
    with Store(tmp_path / "st", read_only=True) as st:
        assert len(st.articles()) == 6


def test_a_list_item_end_marker_ends_the_article() -> None:
    """trafilatura writes list items as «- …»: «- Соңғы жаңалықтар» still ends the body."""
    from kg.read import body_spans

    text = "Жобаға 18 мыңға жуық адам тартылды.\n- Соңғы жаңалықтар\n- Шымкентте 500 орындық емхана ашылды"
    assert [text[s:e] for s, e in body_spans(text)] == ["Жобаға 18 мыңға жуық адам тартылды."]
