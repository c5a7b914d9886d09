"""RSS 2.0 and Atom feeds (``.xml``, ``.rss``, ``.atom``): each item an article.

Parsed with feedparser from the bytes given, never fetched (feedparser fetches when given
a URL string; here it always gets a stream). Per item: the text from ``content:encoded`` /
Atom ``content``, else ``description`` / ``summary`` (HTML reduced to text, the item's
title as its first line); ``link`` → url; ``published`` (else ``updated``) → date, in ISO
8601; the feed's title → publisher. The item id is a slug of its guid (or link) with a
short hash of the whole guid, so it is stable across builds and unique within the feed.

A feed without items is skipped (E015), and so is an ``.xml`` file that is not a feed
(E016); each item then goes through :func:`kg.read.sources.make_article`.

>>> rss = '''<?xml version="1.0" encoding="utf-8"?>
... <rss version="2.0"><channel><title>Egemen Qazaqstan</title>
... <item><title>Жаңа мектеп ашылды</title><link>https://egemen.kz/article/12345-zhana-mektep</link>
... <guid>https://egemen.kz/article/12345-zhana-mektep</guid>
... <pubDate>Thu, 24 Dec 2020 09:31:00 +0600</pubDate>
... <description>&lt;p&gt;Ауданда 600 орындық мектеп ашылды.&lt;/p&gt;</description></item>
... </channel></rss>'''.encode()
>>> [a] = read_feed(rss, "news.xml")
>>> a.id, a.date, a.publisher
('12345-zhana-mektep-81d0ef55', '2020-12-24T09:31:00+06:00', 'Egemen Qazaqstan')
>>> a.text
'Жаңа мектеп ашылды\\nАуданда 600 орындық мектеп ашылды.'
>>> [s.problem.code for s in read_feed(b"<config><a>1</a></config>", "settings.xml")]
['E016']
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kg.model import Article
from kg.normalise.translit import slug
from kg.read.checks import Problem
from kg.read.dates import iso_date
from kg.read.sources import Skipped, html_to_text, make_article

FEED_EMPTY = "E015"
NOT_A_FEED = "E016"
#: feeds larger than this (bytes) are skipped
MAX_FEED_BYTES = 50_000_000


def item_id(key: str) -> str:
    """A safe, stable article id for a feed item's guid or link (``^[\\w.\\-]{1,200}$``).

    >>> item_id("https://kaz.baq.kz/news/100843")
    '100843-78f53c3c'
    >>> item_id("urn:uuid:Жаңалық 7")
    'janalyq-7-6f0b7541'
    """
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    parts = urlsplit(key)
    tail = [p for p in parts.path.split("/") if p] or [parts.netloc or key]
    readable = re.sub(r"\.(?:html?|php|aspx?)$", "", tail[-1])
    if parts.query:
        readable += "-" + parts.query
    if readable.startswith("uuid:") or parts.scheme == "urn":
        readable = readable.split(":")[-1]
    return f"{slug(readable, max_len=60)}-{digest}"


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return str(content["value"])
    return str(entry.get("summary") or entry.get("description") or "")


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            iso = iso_date(str(raw))
            if iso:
                return iso
            parsed = entry.get(f"{key}_parsed")
            if parsed:
                return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
            return str(raw)
    return None


def read_feed(data: bytes, where: str) -> Iterator[Article | Skipped]:
    """Each item of an RSS or Atom feed as an Article (or a Skipped), in the feed's order."""
    import feedparser

    if not data.strip():
        yield Skipped(where, Problem("E001", "empty input", "the file has no text"))
        return
    if len(data) > MAX_FEED_BYTES:
        yield Skipped(where, Problem("E004", f"feed too large ({len(data):,} bytes)"))
        return
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        detail = f" ({str(why).splitlines()[0][:80]})" if why else ""
        yield Skipped(
            where,
            Problem(NOT_A_FEED, f"not an RSS or Atom feed{detail}", "give an RSS 2.0 or Atom file"),
        )
        return
    if not parsed.entries:
        yield Skipped(where, Problem(FEED_EMPTY, "the feed has no items"))
        return
    publisher = re.sub(r"\s+", " ", str(parsed.feed.get("title") or "")).strip() or None
    for n, entry in enumerate(parsed.entries, start=1):
        here = f"{where}#item{n}"
        link = str(entry.get("link") or "").strip() or None
        key = str(entry.get("id") or link or entry.get("title") or "").strip()
        if not key:
            key = f"{where}#{n}"
        title = re.sub(r"\s+", " ", html_to_text(str(entry.get("title") or ""))).strip() or None
        body = html_to_text(_entry_text(entry))
        text = body
        if title and body.strip() and not body.lstrip().startswith(title):
            text = f"{title}\n{body}"
        meta = {"title": title, "url": link, "date": _entry_date(entry), "publisher": publisher}
        yield make_article(item_id(key), text, here, **{k: v for k, v in meta.items() if v})


def read_feed_file(path: Path) -> Iterator[Article | Skipped]:
    """A feed file's items (see :func:`read_feed`)."""
    yield from read_feed(path.read_bytes(), str(path))
