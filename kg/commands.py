"""Plain functions behind the ``kg`` commands (the CLI only parses arguments).

Each returns text or bytes for the caller to print, or a bool for "all good",
and raises :class:`kg.errors.DerekError` for anything a user can fix.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from kg.errors import DerekError


def _load_nlp(model: str | None, no_ner: bool) -> Any:
    if no_ner:
        return None
    from kg.nlp import load_pipeline

    try:
        return load_pipeline(model)
    except OSError as exc:
        raise DerekError(
            "E050", f"cannot load the NER model: {exc}", "train it with `make train` or pass --no-ner"
        ) from None


def _open_store(store: Path, must_exist: bool = True) -> Any:
    from kg.store import Store

    if must_exist and not Path(store).exists():
        raise DerekError(
            "E200", f"no store at {store}", "build one first: kg build seeds (or pass --store DIR)"
        )
    return Store(store)


def run_build(
    paths: Iterable[Path],
    store: Path,
    *,
    model: str | None = None,
    no_ner: bool = False,
    base_iri: str | None = None,
    quiet: bool = False,
    engine: str = "local",
    address: str | None = None,
    workers: int = 2,
    out: Path | None = None,
    load: bool = True,
) -> bool:
    """``kg build``: prints one line per problem and a summary on stderr.

    ``engine="ray"``: the articles go through a Ray cluster (``address``, or a local one of
    ``workers`` CPUs) into N-Quads shards in ``out`` (default ``STORE-shards``), which are
    then bulk-loaded into the store unless ``load`` is false.
    """
    if engine == "ray":
        return _run_ray_build(paths, store, model=model, no_ner=no_ner, base_iri=base_iri,
                              quiet=quiet, address=address, workers=workers, out=out, load=load)
    if engine != "local":
        raise DerekError("E065", f"unknown engine {engine!r}", "use --engine local or --engine ray")
    from tqdm import tqdm

    from kg.pipeline import build

    nlp = _load_nlp(model, no_ner)
    bar = tqdm(desc="articles", unit="art", disable=quiet or None, file=sys.stderr, leave=False)

    def on_event(kind: str, payload: Any) -> None:
        if kind == "article":
            bar.update(1)
            bar.set_postfix_str(payload.id[:30])
        elif kind in ("skipped", "failed"):
            bar.write(str(payload), file=sys.stderr)

    try:
        report = build(paths, store, nlp=nlp, base_iri=base_iri, on_event=on_event)
    finally:
        bar.close()
    print(report.summary(), file=sys.stderr)
    return report.ok


def _run_ray_build(paths: Iterable[Path], store: Path, *, model: str | None, no_ner: bool,
                   base_iri: str | None, quiet: bool, address: str | None, workers: int,
                   out: Path | None, load: bool) -> bool:
    from tqdm import tqdm

    from kg.distributed import build_shards

    if workers < 1:
        raise DerekError("E066", f"--workers must be at least 1 (got {workers})")
    out = out if out is not None else Path(f"{store}-shards")
    bar = tqdm(desc="articles", unit="art", disable=quiet or None, file=sys.stderr, leave=False)

    def on_event(kind: str, payload: Any) -> None:
        if kind in ("stored", "failed"):
            bar.update(1)
        if kind in ("skipped", "failed"):
            bar.write(str(payload), file=sys.stderr)

    try:
        report = build_shards(paths, out, workers=workers, address=address, model=model,
                              no_ner=no_ner, base_iri=base_iri, on_event=on_event)
    finally:
        bar.close()
    print(report.summary(), file=sys.stderr)
    if load:
        st = _open_store(store, must_exist=False)
        try:
            print(st.load_files(report.files).summary(), file=sys.stderr)
            print(f"store {store} holds {st.triple_count()} triples", file=sys.stderr)
        finally:
            st.close()
    return not report.skipped and not report.failed


def run_load(store: Path, files: list[Path], threads: int = 2) -> str:
    """``kg load``: bulk-load N-Quads/TriG files, each named graph replacing the stored one."""
    if not files:
        raise DerekError("E208", "no files to load", "give .nq, .nquads or .trig files (or .gz)")
    st = _open_store(store, must_exist=False)
    try:
        report = st.load_files(files, threads=threads)
        return f"{report.summary()}; store {store} holds {st.triple_count()} triples"
    finally:
        st.close()


def _query_params(params: list[str]) -> dict[str, str]:
    bindings: dict[str, str] = {}
    for p in params:
        key, sep, value = p.partition("=")
        if not sep or not key.strip():
            raise DerekError("E301", f"bad parameter {p!r}", "write --param key=value")
        bindings[key.strip().lstrip("?")] = value
    return bindings


def run_query(store: Path, name: str, params: list[str], fmt: str) -> str:
    """``kg query NAME``: a saved query with ``key=value`` parameters bound."""
    from kg.query import format_rows, list_saved, run_saved

    if name in ("list", "--list"):
        return "\n".join(list_saved()) + "\n"
    bindings = _query_params(params)
    st = _open_store(store)
    return format_rows(run_saved(st, name, bindings), fmt)


def stream_query(store: Path, name: str, params: list[str], fmt: str, out: IO[bytes]) -> None:
    """``kg query NAME --stream``: rows written as they are found, unordered."""
    from kg.query.saved import stream_saved

    bindings = _query_params(params)
    stream_saved(_open_store(store), name, bindings, out, "tsv" if fmt == "table" else fmt)


def run_adhoc(store: Path, text: str, fmt: str) -> str:
    """``kg sparql``: read-only; updates are refused."""
    from kg.query import format_rows, run_sparql

    st = _open_store(store)
    return format_rows(run_sparql(st, text), fmt)


def run_export(
    store: Path, fmt: str, *, article: str | None = None, with_ontology: bool = False
) -> bytes:
    """``kg export``: serialise the store (or one article's graph)."""
    st = _open_store(store)
    if fmt == "graphml":
        from kg.viz import to_graphml_bytes, to_networkx

        return to_graphml_bytes(to_networkx(st.path if hasattr(st, "path") else store))
    return st.dump(fmt, article=article, with_ontology=with_ontology)


def run_validate(store: Path, engine: str | None = None) -> bool:
    """``kg validate``: every stored article graph against the shapes."""
    from kg.validate import validate

    st = _open_store(store)
    ok = True
    for article_id in st.articles():
        result = validate(st.article_graph(article_id), engine=engine)
        status = "ok" if result.conforms else "FAILS"
        print(f"{article_id}: {status}", file=sys.stderr)
        for msg in result.messages if not result.conforms else []:
            print(f"  - {msg}", file=sys.stderr)
        ok = ok and result.conforms
    return ok


def run_stats(store: Path) -> str:
    st = _open_store(store)
    stats = st.stats()
    width = max(len(k) for k in stats)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in stats.items())


def evaluate_paths(gold: Path, articles: list[Path], nlp: Any) -> tuple[Any, list, list]:
    """Build ``articles`` into a temporary store, answer the saved queries and score them
    against the gold files in ``gold`` (spec §5): returns (scores, gold docs, predicted)."""
    from kg.evaluate import load_gold, rows_to_predicted, score
    from kg.pipeline import build
    from kg.query import SAVED_FOR_EVALUATION, run_saved

    if not Path(gold).exists():
        raise DerekError("E601", f"no gold files at {gold}", "give a directory of gold JSON files")
    from kg.model import Article
    from kg.read import read_inputs

    given = {a.id for a in read_inputs(articles) if isinstance(a, Article)}
    gold_all = load_gold(gold)
    gold_docs = [g for g in gold_all if g["articleId"] in given]
    if len(gold_docs) < len(gold_all):  # «kg evaluate gold/ one.txt»: score that article only
        print(f"{len(gold_all) - len(gold_docs)} gold file(s) have no article among the inputs: "
              "not scored", file=sys.stderr)
    ids = {g["articleId"] for g in gold_docs}
    with tempfile.TemporaryDirectory(prefix="derek-eval-") as tmp:
        report = build(articles, Path(tmp) / "store", nlp=nlp)
        for problem in [*report.skipped, *report.failed]:
            print(problem, file=sys.stderr)
        st = _open_store(Path(tmp) / "store")
        rows = {name: [r for r in run_saved(st, name, {}).records() if r["articleId"] in ids]
                for name in SAVED_FOR_EVALUATION}
        st.close()
    predicted = rows_to_predicted(rows)
    return score(gold_docs, predicted), gold_docs, predicted


def run_evaluate(
    gold: Path, articles: list[Path], *, model: str | None, no_ner: bool, details: bool
) -> str:
    """``kg evaluate``: build into a temporary store, run the saved queries, score."""
    from kg.evaluate import format_scores, mismatches

    scores, gold_docs, predicted = evaluate_paths(gold, articles, _load_nlp(model, no_ner))
    out = format_scores(scores)
    if details:
        out += "\n\n" + "\n".join(str(m) for m in mismatches(gold_docs, predicted))
    return out


def run_viz(store: Path, out: Path) -> str:
    from kg.viz import draw_png, to_html, to_networkx

    st = _open_store(store)
    graph = to_networkx(st.path if hasattr(st, "path") else store)
    if out.suffix.lower() == ".png":
        draw_png(graph, out)
    else:
        to_html(graph, out)
    return f"wrote {out} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)"
