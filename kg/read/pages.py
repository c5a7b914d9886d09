"""Saved news pages (``.html``, ``.htm``): the article's main text and its metadata.

The main text comes from trafilatura (``bare_extraction``: the page's article body, with
menus, «Соңғы жаңалықтар» asides, footers, cookie banners and scripts left out; one line per
paragraph). The metadata come from the page's own markup first — ``og:title``, the
``article:published_time`` / JSON-LD ``datePublished`` / ``<time datetime>`` date, the
``<link rel=canonical>`` or ``og:url`` address, the ``og:site_name`` / JSON-LD publisher —
then from trafilatura's guesses, and a date from the text (:mod:`kg.read.dates`) when the
page has none. Nothing is ever fetched: the page is read from the bytes given.

The text then goes through :func:`kg.read.sources.make_article` like any ``.txt`` article
(normalisation, the language check, the id check). trafilatura is imported only when a page
is read.

>>> html = ('<html><head><meta property="og:site_name" content="BAQ.KZ">'
...         '<link rel="canonical" href="https://baq.kz/a/1"></head><body>'
...         '<nav><a href="/">Басты бет</a></nav><article><h1>Жаңа мектеп ашылды</h1>'
...         '<time datetime="2020-12-24T09:31:00+06:00">24 Желтоқсан 2020</time>'
...         '<p>Ауданда 600 орындық мектеп ашылды. Оның құрылысына 1,9 млрд теңге бөлінді.</p>'
...         '</article><footer>© BAQ.KZ</footer></body></html>')
>>> a = read_page(html, "p1", "p1.html")
>>> a.title, a.url, a.date, a.publisher
('Жаңа мектеп ашылды', 'https://baq.kz/a/1', '2020-12-24T09:31:00+06:00', 'BAQ.KZ')
>>> a.text.split("\\n")
['Жаңа мектеп ашылды', 'Ауданда 600 орындық мектеп ашылды. Оның құрылысына 1,9 млрд теңге бөлінді.']
>>> read_page("<html><body><div></div></body></html>", "p2", "p2.html").problem.code
'E014'
"""

from __future__ import annotations

import copy
import functools
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.model import Article
from kg.read.checks import Problem, normalise_text
from kg.read.dates import find_date, iso_date
from kg.read.sources import Skipped, html_to_text, make_article

#: pages larger than this (bytes) are skipped: a news page is a few hundred KB
MAX_PAGE_BYTES = 20_000_000
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
#: « | BAQ.KZ», « - Egemen Qazaqstan»: a site's name after the headline in <title>
_TITLE_TAIL = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")
#: a line of running text: five words or more, ending as a sentence does
_SENTENCE = re.compile(r"^(?:\S+\s+){4,}\S*[.!?…»\"”:;)]$")

PAGE_EMPTY = "E014"


@dataclass(frozen=True)
class PageMeta:
    """What a page's markup says about its article (None where it says nothing)."""

    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None


def decode_page(data: bytes, charset: str | None = None) -> str | Problem:
    """The page's text: UTF-8, else the charset given (HTTP) or declared in a ``<meta>``.

    >>> decode_page('<meta charset="windows-1251"><p>Жоба</p>'.encode("cp1251"))[-11:]
    '<p>Жоба</p>'
    >>> decode_page(b"  ").code, decode_page(b"<p>\\xff\\xfe</p>").code
    ('E001', 'E003')
    """
    if not data.strip():
        return Problem("E001", "empty input", "the file has no text")
    if len(data) > MAX_PAGE_BYTES:
        return Problem("E004", f"page too large ({len(data):,} bytes > {MAX_PAGE_BYTES:,})")
    if b"\x00" in data[:65536]:
        return Problem("E002", "binary data (NUL bytes)", "give a saved HTML page")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    m = _CHARSET.search(data[:4096])
    for name in (charset, m.group(1).decode("ascii") if m else None):
        if name and name.lower().replace("_", "-") not in ("utf-8", "utf8"):
            try:
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    return Problem(
        "E003",
        f"invalid UTF-8 at byte {first_bad} and no usable charset declared",
        "save the page as UTF-8 or declare its charset in a <meta>",
    )


def _jsonld(objs: Any) -> Iterator[dict[str, Any]]:
    if isinstance(objs, list):
        for o in objs:
            yield from _jsonld(o)
    elif isinstance(objs, dict):
        yield objs
        yield from _jsonld(objs.get("@graph"))


def _clean(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def page_meta(markup: str) -> PageMeta:
    """Title, date, canonical URL and publisher from the page's ``<head>`` and markup.

    >>> page_meta('<html><head><title>Жиын өтті | Egemen</title>'
    ...           '<meta property="og:url" content="https://egemen.kz/1"></head></html>')
    PageMeta(title='Жиын өтті', date=None, url='https://egemen.kz/1', publisher=None)
    """
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.ParserError):
        return PageMeta()
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key and el.get("content") and key not in metas:
            metas[key] = el.get("content", "")
    ld: dict[str, Any] = {}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            found = list(_jsonld(json.loads(script.text_content())))
        except ValueError:
            continue
        for obj in found:
            for key in ("headline", "datePublished", "publisher", "url"):
                if key in obj and key not in ld:
                    ld[key] = obj[key]
    canonical = next(iter(tree.xpath('//link[@rel="canonical"]/@href')), None)
    times = tree.xpath("//article//time/@datetime") or tree.xpath("//time/@datetime")
    raw_title = next(iter(tree.xpath("//title/text()")), None)
    title = _clean(metas.get("og:title")) or _clean(ld.get("headline"))
    if not title and raw_title:
        title = _clean(_TITLE_TAIL.sub("", raw_title.strip()))
    date = next(
        (
            iso_date(v) or v.strip()
            for v in (
                metas.get("article:published_time"),
                metas.get("datepublished"),
                _clean(ld.get("datePublished")),
                metas.get("pubdate"),
                metas.get("dc.date.issued"),
                *times,
            )
            if v and v.strip()
        ),
        None,
    )
    url = _clean(canonical) or _clean(metas.get("og:url")) or _clean(ld.get("url"))
    publisher = _clean(metas.get("og:site_name")) or _clean(ld.get("publisher"))
    return PageMeta(title=title, date=date, url=url, publisher=publisher)


@functools.cache
def _config() -> Any:
    """trafilatura's settings, but a short article's text is kept as found (its default,
    250 characters, sends shorter texts to a baseline that runs the paragraphs, headline
    and date into one line)."""
    from trafilatura.settings import DEFAULT_CONFIG

    config = copy.deepcopy(DEFAULT_CONFIG)
    config["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "1"
    return config


def main_text(markup: str) -> tuple[str, dict[str, Any]]:
    """trafilatura's main text of the page (one line per paragraph) and its metadata."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    try:
        doc = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            # dates from the markup only: htmldate's search of the text takes «© 2025» for
            # 2025-01-01; kg.read.dates reads Kazakh datelines instead
            date_extraction_params={"extensive_search": False, "original_date": True},
            config=_config(),
        )
    except Exception:  # noqa: BLE001 - a page trafilatura cannot read is a page without text
        return "", {}
    if doc is None:
        return "", {}
    found = doc if isinstance(doc, dict) else doc.as_dict()
    return found.get("text") or "", found


def _dateline(markup: str, title: str | None, text: str) -> str | None:
    """A date in the lines the main text leaves out between the headline and the body
    (the byline «12 Қараша 2024, 10:15»), found as :func:`kg.read.dates.find_date` does.

    >>> _dateline("<h1>Т</h1><div>24.12.2020</div><p>Ауданда мектеп ашылды, деді ол.</p>",
    ...           "Т", "Т\\nАуданда мектеп ашылды, деді ол.")
    '2020-12-24'
    """
    lines = [ln.strip() for ln in html_to_text(markup).split("\n") if ln.strip()]
    body = next((ln for ln in text.split("\n")[1:] if _SENTENCE.search(ln)), "")
    end = next((i for i, ln in enumerate(lines) if body and body[:40] in ln), len(lines))
    start = max((i for i in range(end) if lines[i] == title), default=0)
    return find_date("\n".join(lines[start:end]))


def read_page(
    markup: str,
    article_id: str,
    where: str,
    *,
    url: str | None = None,
    date: str | None = None,
) -> Article | Skipped:
    """One page → an Article, or a Skipped when it has no main text (E014: no line of
    running text, only menus, links or a headline) or no Kazakh.

    ``url`` and ``date`` are fallbacks (a WARC record's target URI and date) for a page
    whose markup gives none; a date in the text comes before ``date``.
    """
    text, found = main_text(markup)
    text = normalise_text(text).strip()
    if not any(_SENTENCE.search(line) for line in text.split("\n")):
        # trafilatura falls back to whatever text there is: a menu, a headline alone
        return Skipped(
            where,
            Problem(PAGE_EMPTY, "no article text found in the page", "is it a saved news page?"),
        )
    meta = page_meta(markup)
    title = meta.title or _clean(found.get("title"))
    if title and text.split("\n", 1)[0].strip() != title:
        text = f"{title}\n{text}"
    when = (meta.date or iso_date(found.get("date") or "") or find_date(text)
            or _dateline(markup, title, text) or date)
    fields = {
        "title": title,
        "url": meta.url or url or _clean(found.get("url")),
        "date": when,
        "publisher": meta.publisher or _clean(found.get("sitename")),
    }
    return make_article(article_id, text, where, **{k: v for k, v in fields.items() if v})


def read_html(path: Path) -> Iterator[Article | Skipped]:
    """A saved page file: one Article (id: the file stem) or one Skipped."""
    decoded = decode_page(path.read_bytes())
    if isinstance(decoded, Problem):
        yield Skipped(str(path), decoded)
        return
    yield read_page(decoded, path.stem, str(path))
