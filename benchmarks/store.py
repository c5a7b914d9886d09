"""The store and the saved queries at about a million quads.

Builds the corpus once (rules only, unless ``--ner``), takes each article's named graph
as N-Quads, and writes copies of them under new article ids (the article's IRIs, its
graph name and its ``derek:articleId`` renamed; people, organisations and places stay
shared, as they are across real articles) into ``--files`` N-Quads files until they hold
``--quads`` quads. Then it loads them into a fresh on-disk store as ``kg load`` does
(every file checked, then bulk-loaded, in threads) and prints quads/s, and runs every
saved query over the whole store and filtered by each parameter it takes (one article,
one person, one organisation …), printing p50/p95 wall time and rows.

    .venv/bin/python benchmarks/store.py                      # ~1.0M quads
    .venv/bin/python benchmarks/store.py --quads 200000 --runs 5
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def article_dumps(paths: list[Path], workdir: Path, ner: bool) -> dict[str, str]:
    """Each article's named graph as N-Quads text, from a fresh build of ``paths``."""
    from kg.pipeline import build
    from kg.store import Store

    nlp = "default" if ner else None
    report = build(paths, workdir / "seed-store", nlp=nlp)
    with Store(workdir / "seed-store", read_only=True) as st:
        return {a: st.dump("nquads", article=a).decode("utf-8") for a in report.stored}


def renamed(text: str, article_id: str, new_id: str) -> str:
    """An article's N-Quads with its id, IRIs and graph name changed to ``new_id``'s."""
    from kg import iri

    old_a, new_a = str(iri.article(article_id)), str(iri.article(new_id))
    old_g, new_g = str(iri.graph(article_id)), str(iri.graph(new_id))
    return (text.replace(f"<{old_a}>", f"<{new_a}>").replace(f"<{old_a}/", f"<{new_a}/")
            .replace(f"<{old_g}>", f"<{new_g}>")
            .replace(f'#articleId> "{article_id}"', f'#articleId> "{new_id}"'))


def timed(fn, runs: int) -> tuple[list[float], int]:
    times, rows = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = fn()
        times.append(time.perf_counter() - t0)
    return times, rows


class Clock:
    """A binary sink for ``kg query --stream`` output that notes when the first row came."""

    def __init__(self) -> None:
        self.t0 = time.perf_counter()
        self.first: float | None = None
        self.lines = 0

    def write(self, data: bytes) -> int:
        self.lines += data.count(b"\n")
        if self.first is None and self.lines >= 2:  # the header line and one row
            self.first = time.perf_counter() - self.t0
        return len(data)

    def flush(self) -> None:
        pass


def streamed(st, name: str, runs: int) -> tuple[list[float], list[float], int]:
    """First-row and last-row times of ``kg query NAME --stream`` over the whole store."""
    from kg.query.saved import stream_saved

    first, total, rows = [], [], 0
    for _ in range(runs):
        sink = Clock()
        stream_saved(st, name, {}, sink, "tsv")  # type: ignore[arg-type]
        total.append(time.perf_counter() - sink.t0)
        first.append(sink.first if sink.first is not None else total[-1])
        rows = max(0, sink.lines - 1)
    return first, total, rows


def pct(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path,
                    default=[ROOT / "seeds", ROOT / "tests" / "data"])
    ap.add_argument("--quads", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=20, help="runs of each filtered query")
    ap.add_argument("--whole-runs", type=int, default=5, help="runs of each whole-store query")
    ap.add_argument("--ner", action="store_true", help="build the corpus with the NER model")
    ap.add_argument("--files", type=int, default=4, help="N-Quads files the store is loaded from")
    ap.add_argument("--threads", type=int, default=2, help="load threads")
    ap.add_argument("--raw", action="store_true", help="also time pyoxigraph's bulk_load alone")
    ap.add_argument("--load-runs", type=int, default=3, help="loads timed (median printed)")
    ap.add_argument("--dir", type=Path, help="work directory (default: a temporary one)")
    args = ap.parse_args(argv)

    import pyoxigraph as ox

    from kg.query import list_saved, load_saved, run_saved
    from kg.store import Store

    work = args.dir or Path(tempfile.mkdtemp(prefix="derek-store-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    dumps = article_dumps(args.paths, work, args.ner)
    per_copy = sum(t.count("\n") for t in dumps.values())
    copies = max(1, -(-args.quads // per_copy))
    files = [work / f"corpus-{i}.nq" for i in range(args.files)]
    handles = [f.open("w", encoding="utf-8") for f in files]
    for k in range(copies):
        for aid, text in dumps.items():
            handles[k % len(files)].write(renamed(text, aid, f"{aid}.c{k}") if k else text)
    for fh in handles:
        fh.close()
    print(f"{len(dumps)} articles x {copies} copies -> {per_copy * copies:,} quads "
          f"({sum(f.stat().st_size for f in files) / 1e6:.0f} MB of N-Quads in {len(files)} files)")


    loads: list[float] = []
    raws: list[float] = []
    lenients: list[float] = []
    for run in range(args.load_runs):  # alternate: the disk's state drifts over a session
        shutil.rmtree(work / "big-store", ignore_errors=True)
        st = Store(work / "big-store")
        t0 = time.perf_counter()
        st.load_files(files, threads=args.threads)  # what `kg load` does: check all, then load
        loads.append(time.perf_counter() - t0)
        if run < args.load_runs - 1:
            st.close()
        for lenient in (False, True) if args.raw else ():
            shutil.rmtree(work / "raw-store", ignore_errors=True)
            raw = Store(work / "raw-store")
            t0 = time.perf_counter()
            with ThreadPoolExecutor(args.threads) as pool:
                list(pool.map(lambda f, ox_store=raw.oxigraph, lenient=lenient: ox_store.bulk_load(
                    path=str(f), format=ox.RdfFormat.N_QUADS, lenient=lenient), files))
            (lenients if lenient else raws).append(time.perf_counter() - t0)
            raw.close()
    n = len(st.oxigraph)
    load_s = statistics.median(loads)
    print(f"kg load ({args.threads} threads; every file parsed once to check it, then "
          f"bulk-loaded; median of {len(loads)}): {load_s:.1f} s, {n / load_s:,.0f} quads/s "
          f"({n:,} quads; runs {', '.join(f'{n / x / 1e3:.0f}k' for x in loads)})")
    if raws:
        raw_s = statistics.median(raws)
        print(f"pyoxigraph bulk_load alone, strict ({args.threads} threads, no check): "
              f"{raw_s:.1f} s, {n / raw_s:,.0f} quads/s (runs "
              f"{', '.join(f'{n / x / 1e3:.0f}k' for x in raws)})")
        len_s = statistics.median(lenients)
        print(f"pyoxigraph bulk_load alone, lenient (what kg load runs after its check): "
              f"{len_s:.1f} s, {n / len_s:,.0f} quads/s (runs "
              f"{', '.join(f'{n / x / 1e3:.0f}k' for x in lenients)})")
    t0 = time.perf_counter()
    st.oxigraph.optimize()
    print(f"optimize() after the last load: {time.perf_counter() - t0:.1f} s")

    rng = random.Random(0)
    articles = sorted(st.articles())
    people = [p for p in run_saved(st, "people").column("personName") if p]
    orgs = [o for o in run_saved(st, "organisations").column("organisationName") if o]
    days = sorted({r["date"][:10] for r in run_saved(st, "who-reported-figures").records()
                   if r.get("date")})
    samples = {"articleId": articles, "personName": people, "organisationName": orgs,
               "dateFrom": days[len(days) // 2:], "dateTo": days[: len(days) // 2]}
    print(f"{'query':26s}{'filter':18s}{'p50 ms':>10s}{'p95 ms':>10s}{'rows':>9s}")
    for name in list_saved():
        q = load_saved(name)
        times, rows = timed(lambda name=name: len(run_saved(st, name)), args.whole_runs)
        print(f"{name:26s}{'(whole store)':18s}{1000 * pct(times, .5):10.1f}"
              f"{1000 * pct(times, .95):10.1f}{rows:9,d}")
        first, total, srows = streamed(st, name, args.whole_runs)
        print(f"{name:26s}{'--stream 1st row':18s}{1000 * pct(first, .5):10.1f}"
              f"{1000 * pct(first, .95):10.1f}{srows:9,d}")
        print(f"{name:26s}{'--stream all':18s}{1000 * pct(total, .5):10.1f}"
              f"{1000 * pct(total, .95):10.1f}{srows:9,d}")
        for param in q.params:
            pool = samples.get(param)
            if not pool:
                continue
            values = [rng.choice(pool) for _ in range(args.runs)]
            times, counts = [], []
            for v in values:
                t, r = timed(lambda v=v, name=name, param=param:
                             len(run_saved(st, name, {param: str(v)})), 1)
                times += t
                counts.append(r)
            print(f"{name:26s}{param:18s}{1000 * pct(times, .5):10.1f}"
                  f"{1000 * pct(times, .95):10.1f}{statistics.median(counts):9,.0f}")
    st.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
