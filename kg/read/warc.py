"""Web crawls (``.warc``, ``.warc.gz``): each HTML page a crawler saved, read as a page.

Read with warcio, record by record, from the file (nothing is fetched). A ``response``
record counts when its HTTP status is 200 and its content type is HTML (``text/html``,
``application/xhtml+xml``); its payload (de-chunked, de-compressed) is read by
:func:`kg.read.pages.read_page`, with the record's ``WARC-Target-URI`` as the url when the
page names none and its ``WARC-Date`` as the date when neither the page nor its text has
one. The id is a slug of the URI with a short hash of it (:func:`kg.read.feeds.item_id`).

A file that is cut short or corrupt gives the articles of the records before the break and
one Skipped for the rest (E017); a crawl without an HTML page gives one Skipped (E018).
A record whose payload is shorter than its ``Content-Length`` (the file ends inside it)
is never read as a page.

>>> import io
>>> from warcio.warcwriter import WARCWriter
>>> from warcio.statusandheaders import StatusAndHeaders
>>> buf = io.BytesIO()
>>> w = WARCWriter(buf, gzip=True)
>>> page = "<html><body><article><p>Ауданда 600 орындық мектеп ашылды.</p></article></body></html>"
>>> http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
>>> w.write_record(w.create_warc_record("https://baq.kz/news/1", "response",
...     payload=io.BytesIO(page.encode()), http_headers=http,
...     warc_headers_dict={"WARC-Date": "2020-12-24T03:31:00Z"}))
>>> [a] = read_warc_bytes(buf.getvalue(), "crawl.warc.gz")
>>> a.id, a.url, a.date
('1-64c649c4', 'https://baq.kz/news/1', '2020-12-24T03:31:00Z')
>>> [s.problem.code for s in read_warc_bytes(buf.getvalue()[:-40], "cut.warc.gz")]
['E017']
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from kg.model import Article
from kg.read.checks import Problem
from kg.read.dates import iso_date
from kg.read.feeds import item_id
from kg.read.pages import decode_page, read_page
from kg.read.sources import Skipped

WARC_BROKEN = "E017"
WARC_NO_PAGES = "E018"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    return ctype.split(";")[0].strip() in _HTML_TYPES


def gzip_break(stream: IO[bytes]) -> tuple[int | None, str]:
    """Where a gzipped WARC stops being whole: the offset of the first gzip member that is
    cut short or corrupt, and why; ``(None, "")`` for a whole file or one not gzipped.
    The stream is read through and put back where it was.

    >>> import gzip
    >>> whole = gzip.compress(b"one") + gzip.compress(b"two")
    >>> gzip_break(io.BytesIO(whole)), gzip_break(io.BytesIO(whole[:-3]))[0] == len(gzip.compress(b"one"))
    ((None, ''), True)
    """
    start = stream.tell()
    if stream.read(2) != b"\x1f\x8b":
        stream.seek(start)
        return None, ""
    stream.seek(start)
    base = 0  # offset of the chunk read last
    member_start, members = 0, 0
    member: Any = None
    try:
        while chunk := stream.read(1 << 16):
            data = chunk
            while data:
                if member is None:
                    member = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    member_start = base + len(chunk) - len(data)
                member.decompress(data, 1 << 20)
                data = member.unconsumed_tail
                if member.eof:
                    members += 1
                    data, member = member.unused_data, None
            base += len(chunk)
    except zlib.error as exc:
        return member_start, f"gzip member {members + 1} is corrupt ({exc})"
    finally:
        stream.seek(start)
    if member is not None:
        return member_start, f"the file ends inside gzip member {members + 1}"
    return None, ""


def read_warc_stream(stream: IO[bytes], where: str) -> Iterator[Article | Skipped]:
    """The HTML pages of a seekable WARC stream (gzipped or not), in the crawl's order."""
    from warcio.archiveiterator import ArchiveIterator

    broken_at, why = gzip_break(stream)
    head = stream.read(64)
    stream.seek(-len(head), io.SEEK_CUR)
    if not head.startswith((b"WARC/", b"\x1f\x8b")):
        yield Skipped(where, Problem(WARC_BROKEN, "not a WARC file", "give a .warc or .warc.gz crawl"))
        return
    pages = 0
    records = 0  # whole records read
    payload = b""
    sink = io.StringIO()  # warcio prints warnings about bad records on stderr
    try:
        with contextlib.redirect_stderr(sink):
            archive = ArchiveIterator(stream)
            found = iter(archive)
        while True:
            with contextlib.redirect_stderr(sink):
                record = next(found, None)
                if record is None:
                    break
                html = _is_html_page(record)
                if html:
                    payload = record.content_stream().read()
                else:
                    while record.raw_stream.read(1 << 16):
                        pass
                cut = getattr(record.raw_stream, "limit", 0) > 0
                cut = cut or record.rec_headers.get_header("Content-Length") is None
                offset = archive.get_record_offset()
            if broken_at is not None and offset >= broken_at:
                break
            if cut:
                raise EOFError(f"record {records + 1} is cut short")
            records += 1
            if not html:
                continue
            pages += 1
            here = f"{where}#{records}"
            uri = record.rec_headers.get_header("WARC-Target-URI") or here
            ctype = record.http_headers.get_header("Content-Type") or ""
            decoded = decode_page(payload, _charset(ctype))
            if isinstance(decoded, Problem):
                yield Skipped(here, decoded)
                continue
            crawled = record.rec_headers.get_header("WARC-Date") or ""
            yield read_page(decoded, item_id(uri), here, url=uri, date=iso_date(crawled))
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on a broken file
        yield _broken(where, records, why or f"{type(exc).__name__}: {exc}")
        return
    if broken_at is not None:
        yield _broken(where, records, why)
    elif not pages:
        yield Skipped(
            where,
            Problem(WARC_NO_PAGES, f"no HTML responses (status 200) in {records} WARC record(s)"),
        )


def _broken(where: str, records: int, detail: str) -> Skipped:
    return Skipped(
        where,
        Problem(
            WARC_BROKEN,
            f"truncated or corrupt WARC after {records} whole record(s) "
            f"({detail.splitlines()[0][:100]}); the rest is not read",
            "re-download or re-crawl the file",
        ),
    )


def read_warc_bytes(data: bytes, where: str) -> Iterator[Article | Skipped]:
    """The HTML pages of a WARC file's bytes (see :func:`read_warc_stream`)."""
    yield from read_warc_stream(io.BytesIO(data), where)


def read_warc(path: Path) -> Iterator[Article | Skipped]:
    """The HTML pages of a ``.warc`` / ``.warc.gz`` file, read as it streams."""
    with path.open("rb") as stream:
        yield from read_warc_stream(stream, str(path))
