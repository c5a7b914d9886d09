"""Train Derek's NER pipeline on KazNERD, reproducibly, within a time budget.

    .venv/bin/python -m kg.nlp.train --out models/ner-fast --max-minutes 30

Data: ``--data`` or ``$DEREK_DATA`` (default ``../shared/data/kaznerd`` beside the checkout) holding
``train.iob`` and ``dev.iob``. The IOB files are converted with :mod:`kg.nlp.kaznerd`
into DocBins under ``--work`` (default ``training/ner-fast``); the config
(``configs/ner-fast.cfg``) is spaCy's config system; the random seed is fixed there.
Model selection: the dev ``ents_f`` after each evaluation; only the best model is
written to ``--out`` (no checkpoints), with dev P/R/F overall and per label in
``meta.json``. Runs on one CPU thread unless ``--threads`` says otherwise.

>>> isinstance(default_data_dir(), Path)
True
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from pathlib import Path
from typing import Any

from kg import ROOT
from kg.paths import KAZNERD

DEFAULT_DATA = KAZNERD
DEFAULT_CONFIG = ROOT / "configs" / "ner-fast.cfg"
#: the files a saved pipeline needs; anything else in the output folder is removed
KEEP = {"config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "ner"}


def default_data_dir() -> Path:
    """``$DEREK_DATA`` or the shared KazNERD folder."""
    return Path(os.environ.get("DEREK_DATA") or DEFAULT_DATA)


def limit_threads(n: int) -> None:
    """Keep BLAS/OpenMP to ``n`` threads (the machine is shared)."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(n)
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(n)
    except ImportError:  # pragma: no cover - optional
        pass


def prepare_corpus(data: Path, work: Path) -> tuple[Path, Path]:
    """Convert ``train.iob``/``dev.iob`` to DocBins in ``work`` (cached by mtime)."""
    from kg.nlp.kaznerd import convert

    out = []
    for split in ("train", "dev"):
        src = data / f"{split}.iob"
        if not src.is_file():
            raise FileNotFoundError(
                f"KazNERD {split} file not found: {src} (set --data or DEREK_DATA)"
            )
        dest = work / f"{split}.spacy"
        if not dest.exists() or dest.stat().st_mtime < src.stat().st_mtime:
            n = convert(src, dest)
            print(f"converted {src} → {dest} ({n} sentences)", flush=True)
        out.append(dest)
    return out[0], out[1]


def _save(nlp: Any, out: Path) -> None:
    """Write ``nlp`` to ``out`` atomically-ish, keeping only loadable files."""
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    for child in tmp.iterdir():
        if child.name not in KEEP:
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)


def train(
    out: Path,
    *,
    data: Path | None = None,
    config_path: Path = DEFAULT_CONFIG,
    work: Path | None = None,
    max_minutes: float = 30.0,
    max_steps: int = 0,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Train, keep the best dev model in ``out``; returns its ``meta["performance"]``."""
    import spacy
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import (
        create_evaluation_callback,
        create_train_batches,
        train_while_improving,
        update_meta,
    )
    from spacy.util import load_config, registry, resolve_dot_names
    from thinc.api import fix_random_seed

    data = data or default_data_dir()
    work = work or ROOT / "training" / "ner-fast"
    train_path, dev_path = prepare_corpus(data, work)
    config = load_config(
        config_path,
        overrides={"paths.train": str(train_path), "paths.dev": str(dev_path), **(overrides or {})},
        interpolate=False,
    )
    nlp = init_nlp(config, use_gpu=-1)
    config = nlp.config.interpolate()
    fix_random_seed(config["training"]["seed"])
    from spacy.schemas import ConfigSchemaTraining

    T = registry.resolve(config["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    steps = train_while_improving(
        nlp,
        optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
        dropout=T["dropout"],
        accumulate_gradient=T["accumulate_gradient"],
        patience=T["patience"],
        max_steps=max_steps or T["max_steps"],
        eval_frequency=T["eval_frequency"],
        exclude=T["frozen_components"],
        annotating_components=T["annotating_components"],
        before_update=T["before_update"],
    )
    deadline = time.monotonic() + max_minutes * 60
    best: dict[str, Any] = {}
    print(f"training {nlp.pipe_names} on {train_path}; budget {max_minutes} min", flush=True)
    for _batch, info, is_best in steps:
        if is_best is None:
            continue
        scores = info["other_scores"]
        print(
            f"epoch {info['epoch']} step {info['step']} loss {info['losses'].get('ner', 0):.1f} "
            f"P {scores['ents_p']:.3f} R {scores['ents_r']:.3f} F {scores['ents_f']:.3f}"
            + (" *best*" if is_best else ""),
            flush=True,
        )
        if is_best:
            update_meta(T, nlp, info)
            nlp.meta["name"] = out.name.replace("-", "_")
            nlp.meta["version"] = "0.1.0"
            nlp.meta["sources"] = [{"name": "KazNERD", "author": "IS2AI", "license": "CC BY 4.0"}]
            nlp.meta["spacy_version"] = f">={spacy.about.__version__},<3.9.0"
            # the step makes a time-limited run reproducible: rerun with --max-steps STEP
            nlp.meta["training"] = {
                "step": info["step"],
                "epoch": info["epoch"],
                "seed": config["training"]["seed"],
                "config": config_path.name,
            }
            with nlp.use_params(optimizer.averages):
                _save(nlp, out)
            best = dict(nlp.meta["performance"])
        if time.monotonic() > deadline:
            print("time budget reached", flush=True)
            break
    if not best:
        raise RuntimeError("training ended before the first evaluation; raise --max-minutes")
    return best


def format_scores(perf: dict[str, Any]) -> str:
    """A small table of overall and per-label P/R/F.

    >>> print(format_scores({"ents_p": 0.5, "ents_r": 0.25, "ents_f": 0.333,
    ...                      "ents_per_type": {"PERSON": {"p": 1.0, "r": 0.5, "f": 0.667}}}))
    ALL             P 0.500  R 0.250  F 0.333
    PERSON          P 1.000  R 0.500  F 0.667
    """
    lines = [f"{'ALL':15s} P {perf['ents_p']:.3f}  R {perf['ents_r']:.3f}  F {perf['ents_f']:.3f}"]
    for label, s in sorted((perf.get("ents_per_type") or {}).items()):
        lines.append(f"{label:15s} P {s['p']:.3f}  R {s['r']:.3f}  F {s['f']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.nlp.train", description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "ner-fast")
    ap.add_argument("--data", type=Path, default=None, help="folder with train.iob, dev.iob")
    ap.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    ap.add_argument("--work", type=Path, default=None, help="where converted DocBins go")
    ap.add_argument("--max-minutes", type=float, default=30.0)
    ap.add_argument("--max-steps", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    limit_threads(args.threads)
    perf = train(
        args.out,
        data=args.data,
        config_path=args.config,
        work=args.work,
        max_minutes=args.max_minutes,
        max_steps=args.max_steps,
    )
    print(f"saved best model to {args.out}")
    print(format_scores(perf))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
