"""Shards: which input an article came from, its N-Quads, and files written whole or not at all.

An input *shard* is one JSONL file, or the directory holding a set of ``.txt`` articles; each
gives one output file ``NNNN-name.nq`` holding one named graph per article, with the same
graph IRIs and triples a local ``kg build`` stores. A shard file is written as
``NNNN-name.nq.partial`` and renamed when complete, so a crash never leaves half a file
under the final name.

>>> from kg.model import Article
>>> shard_of(Article(id="a", text="…", path="news/day1.jsonl:7")), shard_of(Article(id="b", text="…", path="seeds/b.txt"))
('news/day1.jsonl', 'seeds')
>>> shard_file_names(["news/day1.jsonl", "seeds", "tests/data/blind2"])
['0000-day1.nq', '0001-seeds.nq', '0002-blind2.nq']
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import DerekError
from kg.model import Article

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

#: file suffixes ``kg load`` reads (each optionally ``.gz``)
SHARD_SUFFIX = ".nq"
PARTIAL = ".partial"


def shard_of(article: Article) -> str:
    """The input shard of an article: its JSONL file, or the directory of its ``.txt`` file."""
    where = article.path or article.id
    head, sep, line = where.rpartition(":")
    if sep and line.isdigit() and head.endswith(".jsonl"):
        return head
    return str(Path(where).parent)


def shard_file_names(shards: Sequence[str]) -> list[str]:
    """One output file name per shard, in order: a running number (names may repeat across
    directories) and the shard's stem in safe characters."""
    out = []
    for n, shard in enumerate(shards):
        stem = re.sub(r"[^\w.-]+", "_", Path(shard).stem or "shard").strip("._") or "shard"
        out.append(f"{n:04d}-{stem}{SHARD_SUFFIX}")
    return out


def article_to_json(article: Article) -> str:
    """An article as one JSON text (how the driver hands it to the workers).

    >>> a = Article(id="x", text="Мәтін", path="x.txt")
    >>> article_from_json(article_to_json(a)) == a
    True
    """
    return json.dumps(asdict(article), ensure_ascii=False)


def article_from_json(text: str) -> Article:
    return Article(**json.loads(text))


def article_nquads(graph: Graph, graph_name: str) -> list[str]:
    """The graph's triples as N-Quads lines in the named graph ``graph_name`` (``<…>``),
    written by the same code that writes a local build's store update (:func:`graph_nt`).

    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://derek.kz/id/x"), URIRef("https://derek.kz/ontology#articleId"), Literal("a1")))
    >>> article_nquads(g, "<https://derek.kz/graph/a1>")
    ['<https://derek.kz/id/x> <https://derek.kz/ontology#articleId> "a1" <https://derek.kz/graph/a1> .']
    """
    from kg.store.oxstore import graph_nt

    return [f"{line[:-1]}{graph_name} ." for line in graph_nt(graph)]


def write_whole(path: Path, chunks: Iterable[str]) -> int:
    """Write ``chunks`` to ``path`` through ``path.partial`` and a rename (atomic on one
    file system): readers see the old file or the whole new one. Returns bytes written.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> write_whole(d / "a.nq", ["x .\\n"]), sorted(p.name for p in d.iterdir())
    (4, ['a.nq'])
    """
    partial = path.with_name(path.name + PARTIAL)
    size = 0
    try:
        with open(partial, "w", encoding="utf-8") as fh:
            for chunk in chunks:
                size += len(chunk.encode("utf-8"))
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DerekError("E063", f"cannot write the shard {path}: {exc}",
                         "check that --out is a writable directory with free space") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return size


def clear_partials(out_dir: Path) -> list[Path]:
    """Remove ``*.partial`` files a killed earlier run left in ``out_dir``; returns them."""
    gone = sorted(out_dir.glob(f"*{PARTIAL}"))
    for p in gone:
        p.unlink(missing_ok=True)
    return gone
