"""The ``kg`` command line: thin Typer wrappers over plain functions.

Every command exits non-zero with a one-line ``error E…: message (hint: …)``
on bad input, never a traceback (set ``DEREK_DEBUG=1`` to see one).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import DerekError

app = typer.Typer(
    name="kg",
    help="Derek (дерек): build an RDF knowledge graph of who said what from Kazakh news, "
    "and query it with SPARQL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

StoreOpt = Annotated[
    Path, typer.Option("--store", help="Directory of the embedded Oxigraph store.")
]
DEFAULT_STORE = Path(os.environ.get("DEREK_STORE", "kg-store"))


def _fail(err: DerekError | str, code: int = 2) -> typer.Exit:
    typer.echo(f"error {err}" if isinstance(err, DerekError) else f"error: {err}", err=True)
    return typer.Exit(code)


def _model(model: str | None, fast: bool) -> str | None:
    """``--model`` wins; ``--fast`` names the CNN pipeline; else the default (transformer)."""
    if model is None and fast:
        from kg.nlp import FAST_MODEL

        return str(FAST_MODEL)
    return model


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .jsonl, .html/.htm pages, .xml/.rss/.atom feeds, .warc/.warc.gz crawls) and directories.")],
    store: StoreOpt = DEFAULT_STORE,
    model: Annotated[
        str | None, typer.Option(help="NER pipeline directory (default: the bundled model).")
    ] = None,
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Rules only, no NER model.")] = False,
    fast: Annotated[bool, typer.Option("--fast", help="The small CNN NER (models/ner-fast).")
                    ] = False,
    base_iri: Annotated[str | None, typer.Option(help="Base IRI for minted nodes.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    engine: Annotated[str, typer.Option(
        help="local (this process) or ray (a Ray cluster: N-Quads shards, then kg load).")
    ] = "local",
    address: Annotated[str | None, typer.Option(
        help="--engine ray: the cluster to join (auto, ray://HOST:10001); default a local one.")
    ] = None,
    workers: Annotated[int, typer.Option(
        help="--engine ray: actors, each with its own copy of the NER model.")] = 2,
    out: Annotated[Path | None, typer.Option(
        help="--engine ray: directory of the N-Quads shards (default STORE-shards).")] = None,
    load: Annotated[bool, typer.Option(
        "--load/--no-load", help="--engine ray: load the shards into --store.")] = True,
) -> None:
    """Build the graph of each article into the store (one named graph per article).

    Building an article again replaces its graph. Bad inputs are skipped with a
    message; articles whose graph fails SHACL validation are not stored. Exits 1
    when anything was skipped or not stored.
    """
    from kg.commands import run_build

    try:
        ok = run_build(paths, store, model=_model(model, fast), no_ner=no_ner, base_iri=base_iri,
                       quiet=quiet, engine=engine, address=address, workers=workers, out=out,
                       load=load)
    except DerekError as err:
        raise _fail(err) from None
    if not ok:
        raise typer.Exit(1)


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(
        help="N-Quads or TriG files (.nq, .nquads, .trig, each optionally .gz).")],
    store: StoreOpt = DEFAULT_STORE,
    threads: Annotated[int, typer.Option(help="Files bulk-loaded at once.")] = 2,
) -> None:
    """Bulk-load N-Quads/TriG files (kg build --engine ray shards, kg export) into the store.

    Every file is parsed before the store is touched: a bad file stops the load and
    leaves the store unchanged. Each named graph in the files replaces the stored one.
    """
    from kg.commands import run_load

    try:
        typer.echo(run_load(store, files, threads), err=True)
    except DerekError as err:
        raise _fail(err) from None


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="A saved query: queries/NAME.rq.")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="key=value, bound to ?key (never pasted into text)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    stream: Annotated[
        bool,
        typer.Option("--stream", help="Write rows as they are found, without the query's ORDER BY "
                     "(tsv unless --format csv/json): the first rows of a big store come at once."),
    ] = False,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Run a saved query (``kg query --list`` shows them: use NAME 'list')."""
    from kg.commands import run_query, stream_query

    try:
        if stream:
            sys.stdout.flush()
            stream_query(store, name, param or [], fmt, sys.stdout.buffer)
            return
        sys.stdout.write(run_query(store, name, param or [], fmt))
    except DerekError as err:
        raise _fail(err) from None


@app.command()
def sparql(
    text: Annotated[
        str | None, typer.Argument(help="The query; '-' or nothing reads standard input.")
    ] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the query from a file.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Run an ad-hoc read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE)."""
    from kg.commands import run_adhoc

    try:
        if file is not None:
            query_text = file.read_text(encoding="utf-8")
        elif text is None or text == "-":
            query_text = sys.stdin.read()
        else:
            query_text = text
        sys.stdout.write(run_adhoc(store, query_text, fmt))
    except DerekError as err:
        raise _fail(err) from None
    except (OSError, UnicodeDecodeError) as err:
        raise _fail(f"cannot read the query: {err}") from None


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="turtle, trig, nquads, jsonld or graphml.")
    ] = "turtle",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default stdout).")] = None,
    article: Annotated[str | None, typer.Option(help="Only this article's graph.")] = None,
    with_ontology: Annotated[
        bool, typer.Option("--with-ontology", help="Include the ontology and shapes.")
    ] = False,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Export the graph: Turtle (union), TriG / N-Quads (one named graph per article), JSON-LD."""
    from kg.commands import run_export

    try:
        data = run_export(store, fmt, article=article, with_ontology=with_ontology)
    except DerekError as err:
        raise _fail(err) from None
    if out is None:
        sys.stdout.buffer.write(data)
    else:
        out.write_bytes(data)
        typer.echo(f"wrote {len(data):,} bytes to {out}", err=True)


@app.command()
def validate(
    store: StoreOpt = DEFAULT_STORE,
    engine: Annotated[str, typer.Option(
        help="SHACL engine: turbo (pyshacl-turbo, compiled shapes) or pyshacl (the reference)"
    )] = "turbo",
) -> None:
    """Validate every stored article graph against the SHACL shapes."""
    from kg.commands import run_validate

    try:
        ok = run_validate(store, engine)
    except DerekError as err:
        raise _fail(err) from None
    if not ok:
        raise typer.Exit(1)


@app.command()
def stats(store: StoreOpt = DEFAULT_STORE) -> None:
    """Counts of articles, triples, people, organisations, projects and figures."""
    from kg.commands import run_stats

    try:
        typer.echo(run_stats(store))
    except DerekError as err:
        raise _fail(err) from None


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Directory of gold JSON files (spec §5).")],
    articles: Annotated[list[Path], typer.Argument(help="Article files or directories.")],
    model: Annotated[str | None, typer.Option(help="NER pipeline directory.")] = None,
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Rules only.")] = False,
    fast: Annotated[bool, typer.Option("--fast", help="The small CNN NER (models/ner-fast).")
                    ] = False,
    details: Annotated[bool, typer.Option("--details", help="List misses and false alarms.")] = False,
) -> None:
    """Build the articles into a temporary store, answer the saved queries, score against gold."""
    from kg.commands import run_evaluate

    try:
        typer.echo(run_evaluate(gold, articles, model=_model(model, fast), no_ner=no_ner,
                                details=details))
    except DerekError as err:
        raise _fail(err) from None


@app.command()
def serve(
    store: StoreOpt = DEFAULT_STORE,
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 7878,
    timeout: Annotated[float, typer.Option(help="Per-query time limit, seconds.")] = 10.0,
) -> None:
    """A read-only SPARQL 1.1 Protocol endpoint at /sparql with a query page at /."""
    from kg.serve import serve as _serve

    typer.echo(f"Derek SPARQL endpoint on http://{host}:{port}/sparql (page: /)", err=True)
    _serve(store, host=host, port=port, timeout_s=timeout)


@app.command()
def viz(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML (interactive) or PNG file.")] = Path(
        "graph.html"
    ),
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Draw the graph: an interactive HTML page, or a PNG picture."""
    from kg.commands import run_viz

    try:
        typer.echo(run_viz(store, out))
    except DerekError as err:
        raise _fail(err) from None


def main() -> None:
    """Console-script entry point."""
    if os.environ.get("DEREK_DEBUG"):
        app()
        return
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except DerekError as err:  # pragma: no cover - commands catch their own
        typer.echo(f"error {err}", err=True)
        sys.exit(2)
    except Exception as err:  # noqa: BLE001
        typer.echo(f"error E999: unexpected {type(err).__name__}: {err} "
                   "(hint: rerun with DEREK_DEBUG=1 and report it)", err=True)
        sys.exit(3)


if __name__ == "__main__":  # pragma: no cover
    main()
