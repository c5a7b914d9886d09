"""The whole build against its NER, side by side in one run.

Builds the articles under the given paths into a fresh store (a temporary directory
unless ``--store``) with :func:`kg.pipeline.build`, timing each stage (read, sentences,
NER, rules, map, validate, store), then runs NER alone over the same sentences in one
stream, and prints words/s and articles/s of both, each stage's share of the build, the
ratio end-to-end / NER-only, and the process's peak memory.

    .venv/bin/python benchmarks/build.py seeds tests/data
    .venv/bin/python benchmarks/build.py seeds tests/data --repeat 10   # 10 copies, new ids
    .venv/bin/python benchmarks/build.py seeds --no-ner
    .venv/bin/python benchmarks/build.py seeds tests/data --pairs 5     # median of 5 pairs

The machine's speed drifts by several per cent from one minute to the next, so
``--pairs N`` runs N builds and N NER-alone passes interleaved (each build into a fresh
store) and prints every pair's ratio and their median; the table is the first pair's.

Words are whitespace-separated tokens of the sentences NER sees (the article bodies).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _copies(paths: list[Path], repeat: int, out: Path) -> list[Path]:
    """The articles under ``paths``, ``repeat`` times under new ids, as one JSONL file."""
    from kg.read import read_inputs

    articles = [a for a in read_inputs(paths) if hasattr(a, "text")]
    target = out / "corpus.jsonl"
    with target.open("w", encoding="utf-8") as fh:
        for k in range(repeat):
            for a in articles:
                rec = {"id": f"{a.id}.r{k}" if repeat > 1 else a.id, "text": a.text,
                       "title": a.title, "url": a.url, "date": a.date, "source": a.source}
                fh.write(json.dumps({x: y for x, y in rec.items() if y}, ensure_ascii=False))
                fh.write("\n")
    return [target]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=1, help="build N copies of the corpus")
    ap.add_argument("--store", type=Path, help="store directory (default: a fresh temporary one)")
    ap.add_argument("--no-ner", action="store_true", help="rules only")
    ap.add_argument("--fast", action="store_true", help="the CNN NER instead of the transformer")
    ap.add_argument("--threads", type=int, default=2, help="torch threads")
    ap.add_argument("--batch", type=int, help="articles per batch (default: kg.pipeline's)")
    ap.add_argument("--pairs", type=int, default=1,
                    help="interleaved build / NER-alone pairs; prints each ratio and the median")
    args = ap.parse_args(argv)

    import torch

    import kg.nlp  # noqa: F401  (before torch: it sets OpenMP's wait policy)

    torch.set_num_threads(args.threads)
    from kg.pipeline import article_sentences, build, ner_mentions
    from kg.read import read_inputs
    from kg.timing import STAGES, StageClock

    tmp = Path(tempfile.mkdtemp(prefix="derek-bench-"))
    paths = _copies(args.paths, args.repeat, tmp) if args.repeat > 1 else args.paths
    t0 = time.perf_counter()
    nlp = None
    if not args.no_ner:
        from kg.nlp import load_pipeline

        nlp = load_pipeline(fast=args.fast)
    load_s = time.perf_counter() - t0

    clock = StageClock()
    t0 = time.perf_counter()
    extra = {} if args.batch is None else {"batch_articles": args.batch}
    report = build(paths, args.store or tmp / "store", nlp=nlp, clock=clock, **extra)
    build_s = time.perf_counter() - t0
    build_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    articles = [a for a in read_inputs(paths) if hasattr(a, "text")]
    items = [(a, article_sentences(a)) for a in articles]
    words = sum(len(a.text[s.start:s.end].split()) for a, sents in items for s in sents)
    ner_s = 0.0
    if nlp is not None:
        t0 = time.perf_counter()
        ner_mentions(nlp, items)
        ner_s = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    n = len(report.stored)
    print(f"{len(articles)} articles ({n} stored, {len(report.failed)} not stored, "
          f"{len(report.skipped)} skipped), {words:,} words, {report.triples:,} triples; "
          f"NER: {'none' if nlp is None else ('CNN' if args.fast else 'transformer')}, "
          f"{args.threads} threads; model load {load_s:.1f} s (not counted below)")
    print(f"{'':22s}{'seconds':>9s}{'words/s':>10s}{'articles/s':>12s}")
    print(f"{'build, end to end':22s}{build_s:9.2f}{words / build_s:10,.0f}{n / build_s:12.2f}")
    if ner_s:
        print(f"{'NER alone':22s}{ner_s:9.2f}{words / ner_s:10,.0f}{len(articles) / ner_s:12.2f}")
        print(f"end to end / NER alone: {ner_s / build_s:.2f} x the NER-only words/s")
    print("stages (share of the build):")
    for stage in STAGES:
        sec = clock.seconds.get(stage, 0.0)
        print(f"  {stage:10s}{sec:8.2f} s {100 * sec / build_s:6.1f} %")
    other = build_s - clock.total()
    print(f"  {'other':10s}{other:8.2f} s {100 * other / build_s:6.1f} %")
    print(f"peak RSS {build_peak_mb:,.0f} MB during the build (model included), "
          f"{peak_mb:,.0f} MB after NER alone")
    if nlp is not None and args.pairs > 1:
        ratios = [ner_s / build_s]
        for k in range(1, args.pairs):
            t0 = time.perf_counter()
            build(paths, tmp / f"store-{k}", nlp=nlp, **extra)
            b = time.perf_counter() - t0
            t0 = time.perf_counter()
            ner_mentions(nlp, items)
            alone = time.perf_counter() - t0
            ratios.append(alone / b)
            print(f"pair {k + 1}: build {b:.2f} s, NER alone {alone:.2f} s, {ratios[-1]:.2f} x")
        print(f"end to end / NER alone over {len(ratios)} pairs: "
              + ", ".join(f"{r:.2f}" for r in ratios)
              + f"; median {statistics.median(ratios):.2f} x")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
