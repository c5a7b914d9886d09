"""Transformer NER models side by side: KazNERD dev (its scheme and ours) and our own dev articles.

    .venv/bin/python benchmarks/ner_domain.py MODEL [MODEL ...] [--dev build/indomain/dev.jsonl]

For each pipeline folder (``models/ner-trf``, ``build/ner-kaznerd``, …) its ``derek_trf_ner``
component tags pre-split sentences exactly as :func:`kg.nlp.train_trf.evaluate` does in training:

- KazNERD ``dev.iob`` in our tokenisation, scored on KazNERD's own labels (micro F1 and
  ORGANISATION, POSITION);
- the same dev in *our scheme* (:func:`kg.nlp.indomain.split_positions`: a POSITION span that
  holds an organisation head is ORGANISATION up to the head and POSITION after it), the scheme
  the in-domain model is trained on;
- our dev articles (``kg.nlp.indomain``'s ``dev.jsonl``: articles held out of its training).

The KazNERD test split is never read. Prints one markdown row per model.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kg.nlp.indomain import read_jsonl, split_positions  # noqa: E402
from kg.nlp.train import default_data_dir, limit_threads  # noqa: E402
from kg.nlp.train_trf import component_dir, read_split, spans_f1  # noqa: E402
from kg.nlp.train_trf import predict_tags as predict  # noqa: E402
from kg.nlp.trf_ner import TrfNer, bio_spans  # noqa: E402


def score(gold: list[list[str]], pred: list[list[str]]) -> dict:
    return spans_f1([bio_spans(t) for t in gold], [bio_spans(t) for t in pred])


def fmt(scores: dict, label: str | None = None) -> str:
    if label is None:
        return f"{scores['f']:.3f}"
    return f"{scores['per_type'].get(label, {'f': 0.0})['f']:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models", nargs="+", type=Path)
    ap.add_argument("--dev", type=Path, default=HERE.parent / "build" / "indomain" / "dev.jsonl")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    limit_threads(args.threads)
    kaz = read_split(Path(default_data_dir()) / "dev.iob")
    kaz_ours = [(w, split_positions(w, t)) for w, t in kaz]
    ours = read_jsonl(args.dev) if args.dev.is_file() else []
    print("| model | KazNERD dev F1 | ORG | POSITION | KazNERD dev, our scheme | ORG | "
          "our dev F1 | ORG | POSITION | PERSON | PROJECT | s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for model in args.models:
        pipe = TrfNer().from_disk(component_dir(model))
        t0 = time.time()
        pred = predict(pipe, [w for w, _ in kaz])
        a, b = score([t for _, t in kaz], pred), score([t for _, t in kaz_ours], pred)
        c = score([t for _, t in ours], predict(pipe, [w for w, _ in ours])) if ours else None
        row = [str(model), fmt(a), fmt(a, "ORGANISATION"), fmt(a, "POSITION"), fmt(b),
               fmt(b, "ORGANISATION")]
        row += ([fmt(c), fmt(c, "ORGANISATION"), fmt(c, "POSITION"), fmt(c, "PERSON"),
                 fmt(c, "PROJECT")] if c else ["–"] * 5)
        print("| " + " | ".join(row) + f" | {time.time() - t0:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
