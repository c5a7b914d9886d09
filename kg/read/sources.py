"""Read articles from files and directories: ``.txt`` (one article),
``.jsonl`` (one article per line with ``id``, ``text`` and optional ``title``,
``url``, ``date``, ``source``), saved pages ``.html`` / ``.htm`` (:mod:`kg.read.pages`),
RSS and Atom feeds ``.xml`` / ``.rss`` / ``.atom`` (:mod:`kg.read.feeds`) and web crawls
``.warc`` / ``.warc.gz`` (:mod:`kg.read.warc`). HTML pasted into a .txt or .jsonl is
reduced to text, and Kazakh in the Latin alphabet is read through its Cyrillic
transliteration (:mod:`kg.read.latin`), the article keeping the text as given.

Every input yields either an :class:`~kg.model.Article` or a :class:`Skipped`
saying why it was not read; nothing raises for bad content.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Тақырып\\nЖобаға 18 мыңға жуық адам тартылды.", encoding="utf-8")
>>> _ = (d / "b.txt").write_bytes(b"\\xff\\xfe")
>>> [type(r).__name__ for r in read_inputs([d])]
['Article', 'Skipped']
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from kg.model import Article
from kg.read.checks import Problem, decode_text, language_problem, normalise_text
from kg.read.dates import find_date, iso_date
from kg.read.latin import to_cyrillic

#: what each file name ending is read as (``.warc.gz`` before its ``.gz``)
FORMATS = {
    ".txt": "txt", ".jsonl": "jsonl", ".html": "html", ".htm": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".warc": "warc", ".warc.gz": "warc",
}  # fmt: skip
SUFFIXES = tuple(FORMATS)
_ID_OK = re.compile(r"^[\w.\-]{1,200}$", re.UNICODE)


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, with the reason."""

    where: str  # path, or path:line for JSONL
    problem: Problem

    def __str__(self) -> str:
        return f"skipped {self.where}: {self.problem}"


class _TextExtractor(HTMLParser):
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article", "title"}
    _DROP = {"script", "style", "nav", "footer", "header", "aside", "form", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._drop = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        if tag in self._DROP:
            self._drop += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._DROP and self._drop:
            self._drop -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._drop:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    return len(re.findall(r"</?(?:p|div|span|a|br|html|body|script|li)\b[^>]*>", text, re.I)) >= 3


def html_to_text(text: str) -> str:
    """Strip tags, scripts and styles; keep block structure as lines."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    out = html.unescape("".join(parser.parts))
    out = re.sub(r"[ \t\u00a0]+\n", "\n", out)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def make_article(
    article_id: str, text: str, where: str, **meta: str | None
) -> Article | Skipped:
    """Validate one article's text and metadata; the title defaults to the first line, the
    date (normalised to ISO 8601 where it parses) to one found in the text (:mod:`kg.read.dates`)."""
    text = normalise_text(text)
    if looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        return Skipped(where, Problem("E001", "empty text"))
    latin = to_cyrillic(text)
    original = text if latin.changed else None
    text = latin.text
    problem = language_problem(text)
    if problem:
        return Skipped(where, problem)
    if not _ID_OK.match(article_id):
        return Skipped(
            where,
            Problem("E007", f"unusable article id {article_id!r}", "use letters, digits, . _ -"),
        )
    shown = original or text
    first = next((ln.strip() for ln in shown.split("\n") if ln.strip()), None)
    title = meta.pop("title", None) or (first if first and len(first) <= 200 else None)
    given = meta.pop("date", None)
    date = (iso_date(given) or given) if given else find_date(text)
    return Article(id=article_id, text=text, title=title, date=date, path=where,
                   original=original, **meta)


def _read_txt(path: Path) -> Iterator[Article | Skipped]:
    decoded = decode_text(path.read_bytes())
    if isinstance(decoded, Problem):
        yield Skipped(str(path), decoded)
        return
    yield make_article(path.stem, decoded, str(path))


def _read_jsonl(path: Path) -> Iterator[Article | Skipped]:
    decoded = decode_text(path.read_bytes(), max_chars=10**9)
    if isinstance(decoded, Problem):
        yield Skipped(str(path), decoded)
        return
    seen: set[str] = set()
    for n, line in enumerate(decoded.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, Problem("E010", f"invalid JSON ({exc.msg})"))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield Skipped(where, Problem("E011", "a JSONL record needs a string 'text'"))
            continue
        rid = rec.get("id")
        if not isinstance(rid, (str, int)) or str(rid) == "":
            yield Skipped(where, Problem("E012", "a JSONL record needs an 'id'"))
            continue
        rid = str(rid)
        if rid in seen:
            yield Skipped(where, Problem("E013", f"duplicate id {rid!r} in this file"))
            continue
        seen.add(rid)
        if len(rec["text"]) > 2_000_000:
            yield Skipped(where, Problem("E004", "text too large"))
            continue
        meta = {k: str(rec[k]) for k in ("title", "url", "date", "source") if rec.get(k)}
        yield make_article(rid, rec["text"], where, **meta)


def file_format(path: Path) -> str | None:
    """``txt``, ``jsonl``, ``html``, ``feed`` or ``warc`` from the file name, else None.

    >>> file_format(Path("crawl.WARC.gz")), file_format(Path("a.htm")), file_format(Path("x.gz"))
    ('warc', 'html', None)
    """
    name = path.name.lower()
    return next((kind for end, kind in FORMATS.items() if name.endswith(end)), None)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Files named, and the readable files under directories named (see ``FORMATS``),
    in sorted order."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and file_format(f))
            if not found:
                yield Skipped(
                    str(path),
                    Problem("E009", "no .txt, .jsonl, .html, feed or WARC files in directory"),
                )
            yield from found
        elif path.is_file():
            yield path
        else:
            yield Skipped(str(path), Problem("E008", "no such file or directory"))


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Article | Skipped]:
    """Articles from the given files and directories, with a Skipped for each bad one."""
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        kind = file_format(item)
        if kind == "jsonl":
            yield from _read_jsonl(item)
        elif kind == "html":
            from kg.read.pages import read_html

            yield from read_html(item)
        elif kind == "feed":
            from kg.read.feeds import read_feed_file

            yield from read_feed_file(item)
        elif kind == "warc":
            from kg.read.warc import read_warc

            yield from read_warc(item)
        else:  # .txt, and any other file named on the command line
            yield from _read_txt(item)
