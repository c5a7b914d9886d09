"""What the NER model carries: extraction scores with each model and with the rules alone.

    .venv/bin/python benchmarks/ablation.py                      # never-looked-at parts
    .venv/bin/python benchmarks/ablation.py --sets dev5 blind8   # other sets, whole
    .venv/bin/python benchmarks/ablation.py --kaznerd build/ner-kaznerd

For each set (by default the never-looked-at parts of the blind sets,
:data:`kg.nlp.indomain.NEVER_LOOKED_AT`) it builds the articles three times — with the
default model (``models/ner-trf``: KazNERD and our in-domain data), with the KazNERD-only
model (``--kaznerd``; ``scripts/kaznerd_model.sh`` takes it out of git history) and with
``--no-ner`` — and prints one row of ``kg evaluate``'s F1 per list for each. Only these
summaries are printed: no mismatch of a never-looked-at article is ever shown.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from kg import ROOT

COLUMNS = ("figures", "reported", "people", "posts", "orgs", "parents", "projects")


def set_files(name: str, whole: bool) -> list[Path]:
    """The articles of ``tests/data/<name>`` (only its never-looked-at part unless ``whole``)."""
    from kg.nlp.indomain import never_looked_at

    files = sorted((ROOT / "tests" / "data" / name).glob("*.txt"))
    return files if whole else [f for f in files if never_looked_at(name, f.stem)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="*", default=None,
                    help="sets under tests/data, scored whole (default: never-looked-at parts)")
    ap.add_argument("--model", type=Path, default=ROOT / "models" / "ner-trf")
    ap.add_argument("--kaznerd", type=Path, default=ROOT / "build" / "ner-kaznerd")
    ap.add_argument("--configs", nargs="*", default=["model", "kaznerd", "no-ner"])
    ap.add_argument("--exclude", nargs="*", default=[], help="sets to leave out")
    args = ap.parse_args(argv)
    from kg.commands import evaluate_paths
    from kg.nlp import load_pipeline
    from kg.nlp.indomain import NEVER_LOOKED_AT

    whole = args.sets is not None
    sets = args.sets if whole else [s for s in NEVER_LOOKED_AT
                                    if (ROOT / "tests" / "data" / s).is_dir()]
    sets = [s for s in sets if s not in args.exclude]
    print("| set | articles | NER | " + " | ".join(COLUMNS) + " | reporter acc. |")
    print("|---" * (len(COLUMNS) + 4) + "|")
    totals: dict[str, dict[str, Counter[str]]] = {}
    for name in sets:
        files = set_files(name, whole)
        if not files:
            continue
        gold = ROOT / "tests" / "data" / name / "gold"
        for config in args.configs:
            nlp = None
            if config == "model":
                nlp = load_pipeline(args.model)
            elif config == "kaznerd":
                if not (args.kaznerd / "config.cfg").is_file():
                    print(f"no KazNERD-only model at {args.kaznerd}: run "
                          "scripts/kaznerd_model.sh", file=sys.stderr)
                    continue
                nlp = load_pipeline(args.kaznerd)
            scores, _, _ = evaluate_paths(gold, files, nlp)
            tot = totals.setdefault(config, {c: Counter() for c in (*COLUMNS, "reporter")})
            for c in COLUMNS:
                s = scores[c]
                tot[c].update({"tp": s.tp, "fp": s.fp, "fn": s.fn})
            tot["reporter"].update({"ok": scores.reporter.correct, "n": scores.reporter.total})
            cells = " | ".join(f"{scores[c].f1:.3f}" for c in COLUMNS)
            print(f"| {name} | {len(files)} | {config} | {cells} | "
                  f"{scores.reporter.accuracy:.3f} |", flush=True)
    for config, tot in totals.items():
        cells = []
        for c in COLUMNS:
            tp, fp, fn = tot[c]["tp"], tot[c]["fp"], tot[c]["fn"]
            cells.append(f"{2 * tp / (2 * tp + fp + fn):.3f}" if tp + fp + fn else "1.000")
        acc = tot["reporter"]["ok"] / tot["reporter"]["n"] if tot["reporter"]["n"] else 1.0
        print(f"| all | | {config} | " + " | ".join(cells) + f" | {acc:.3f} |")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
