"""CPU speed of the NER pipeline: words/s of ``load_pipeline()`` through ``nlp.pipe``.

    .venv/bin/python benchmarks/ner_speed.py --threads 1

Text: one line per document from ``$DEREK_DATA_RAW`` or
``/work/shared/data/raw-kk/apertium_kaz_texts.txt`` (``--text``). Words are our tokens
(punctuation excluded). A warm-up pass over the first 100 lines is not timed; load time
is reported separately. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from kg.paths import RAW_KK

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEFAULT_TEXT = (
    Path(os.environ.get("DEREK_DATA_RAW", str(RAW_KK))) / "apertium_kaz_texts.txt"
)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None, help="pipeline folder (default: load_pipeline's)")
    ap.add_argument("--text", type=Path, default=DEFAULT_TEXT)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--limit", type=int, default=0, help="lines to use (0 = all)")
    args = ap.parse_args(argv)

    from kg.nlp.train import limit_threads

    limit_threads(args.threads)
    lines = [ln.strip() for ln in args.text.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if args.limit:
        lines = lines[: args.limit]

    from kg.nlp import load_pipeline

    t0 = time.perf_counter()
    nlp = load_pipeline(args.model)
    load_s = time.perf_counter() - t0
    for _ in nlp.pipe(lines[:100], batch_size=args.batch):
        pass
    t0 = time.perf_counter()
    words = ents = 0
    for doc in nlp.pipe(lines, batch_size=args.batch):
        words += sum(1 for t in doc if not t.is_punct and not t.is_space)
        ents += len(doc.ents)
    secs = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "model": str(nlp.path or args.model),
                "lines": len(lines),
                "words": words,
                "entities": ents,
                "seconds": round(secs, 2),
                "words_per_s": round(words / secs),
                "load_s": round(load_s, 2),
                "threads": args.threads,
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
