"""KazNERD dev: the paper's CRF baseline beside our pipeline, accuracy and CPU speed.

    .venv/bin/python benchmarks/ner.py [--model DIR] [--crf-max-iter N] [--limit-train N]
                                       [--batch N] [--json OUT]

Both systems see the same tokens: KazNERD ``train.iob``/``dev.iob`` as converted by
:func:`kg.nlp.kaznerd.merge_tokens` (decimals, times and grouped thousands re-joined).
The KazNERD test split is never read.

(a) CRF: the recipe in ``benchmarks/crf.py`` (sklearn-crfsuite, lbfgs, c1 = c2 = 0.1,
    100 iterations by default), trained on train.iob here; crfsuite uses one thread.
(b) Pipeline: :func:`kg.nlp.load_pipeline` (``--model`` or ``$DEREK_MODEL`` or
    ``models/ner-trf``, the transformer; ``--model models/ner-fast`` for the CNN) tagging ``Doc(nlp.vocab, words=...)`` through ``nlp.pipe``
    (``--batch`` sentences per call, 256 by default as in :func:`kg.nlp.tag_sentences`). Note that its training picked the checkpoint on dev.iob, so its dev
    figures are slightly optimistic; the CRF never sees dev.

Scores: entity level, an entity counts only on an exact span and label match; spans are
read from IOB tags by :func:`spans` for both systems (the pipeline's ``doc.ents`` go
through ``token.ent_iob_``/``ent_type_`` first). Per label P/R/F1 and micro overall.

Speed: words/s = dev tokens (ours, punctuation included) / seconds. CRF: feature
extraction + Viterbi over dev. Pipeline: ``nlp.pipe`` over the pre-split Docs and, for
comparison, ``nlp.pipe`` over raw sentence texts (``detokenize``; tokenizer included,
same word count used as denominator). A warm-up batch is not timed. If
``torch.cuda.is_available()``, the pipeline is also timed on the GPU
(``spacy.require_gpu()``); otherwise "GPU: not available" is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import crf as crf_recipe  # noqa: E402  (benchmarks/crf.py)

from kg.nlp.kaznerd import LABELS, detokenize, merge_tokens, read_iob  # noqa: E402
from kg.paths import KAZNERD  # noqa: E402

Span = tuple[int, int, str]


# --------------------------------------------------------------------------- metrics


def spans(tags: Sequence[str]) -> set[Span]:
    """Entity spans ``(start, end, label)`` (end exclusive) from IOB tags.

    An ``I-X`` that does not continue an open ``X`` starts a new entity (conlleval).

    >>> sorted(spans(["B-PERSON", "I-PERSON", "O", "I-GPE", "B-GPE", "I-DATE"]))
    [(0, 2, 'PERSON'), (3, 4, 'GPE'), (4, 5, 'GPE'), (5, 6, 'DATE')]
    """
    from kg.nlp.trf_ner import bio_spans

    return set(bio_spans(tags))


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def score(
    gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]], labels: Sequence[str] = LABELS
) -> dict[str, dict[str, float | int]]:
    """Entity-level P/R/F1 per label (every label in ``labels``) and ``"micro"`` overall.

    Exact span and label match; labels outside ``labels`` still count in micro.
    """
    counts: dict[str, list[int]] = {lab: [0, 0, 0] for lab in labels}
    for g_tags, p_tags in zip(gold, pred, strict=True):
        if len(g_tags) != len(p_tags):
            raise ValueError(f"{len(g_tags)} gold tags but {len(p_tags)} predicted")
        g, p = spans(g_tags), spans(p_tags)
        for s in p:
            counts.setdefault(s[2], [0, 0, 0])[0 if s in g else 1] += 1
        for s in g - p:
            counts.setdefault(s[2], [0, 0, 0])[2] += 1
    out = {lab: _prf(*c) for lab, c in counts.items()}
    out["micro"] = _prf(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return out


def doc_tags(doc) -> list[str]:
    """IOB tags of a tagged spaCy Doc."""
    return ["O" if t.ent_iob_ in ("O", "") else f"{t.ent_iob_}-{t.ent_type_}" for t in doc]


# --------------------------------------------------------------------------- systems


def load_split(path: Path, limit: int = 0) -> list[tuple[list[str], list[str]]]:
    out = []
    for words, tags in read_iob(path):
        out.append(merge_tokens(words, tags))
        if limit and len(out) >= limit:
            break
    return out


def run_crf(train, dev, max_iter: int) -> dict:
    t0 = time.perf_counter()
    crf = crf_recipe.train(train, max_iter=max_iter)
    train_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    pred = crf_recipe.tag(crf, [w for w, _ in dev])
    tag_s = time.perf_counter() - t0
    n_words = sum(len(w) for w, _ in dev)
    return {
        "scores": score([t for _, t in dev], pred),
        "train_s": train_s,
        "train_sentences": len(train),
        "train_words": sum(len(w) for w, _ in train),
        "tag_s": tag_s,
        "words_per_s": n_words / tag_s,
        "threads": 1,
        "settings": {"algorithm": "lbfgs", "c1": crf_recipe.C1, "c2": crf_recipe.C2,
                     "max_iterations": max_iter, "all_possible_transitions": True},
    }  # fmt: skip


def _time_pipe(nlp, items_factory, batch: int, warm: int = 64) -> tuple[float, list]:
    items = items_factory()
    for _ in nlp.pipe(items[:warm], batch_size=batch):
        pass
    items = items_factory()  # fresh Docs: nlp.pipe tags Docs in place
    t0 = time.perf_counter()
    docs = list(nlp.pipe(items, batch_size=batch))
    secs = time.perf_counter() - t0
    return secs, docs


def run_pipeline(nlp, dev, batch: int = 256) -> dict:
    from spacy.tokens import Doc

    n_words = sum(len(w) for w, _ in dev)
    secs, docs = _time_pipe(nlp, lambda: [Doc(nlp.vocab, words=w) for w, _ in dev],
                            batch)
    pred = [doc_tags(d) for d in docs]
    texts = [detokenize(w)[0] for w, _ in dev]
    raw_s, raw_docs = _time_pipe(nlp, lambda: list(texts), batch)
    return {
        "scores": score([t for _, t in dev], pred),
        "tag_s": secs,
        "words_per_s": n_words / secs,
        "raw_text_s": raw_s,
        "raw_text_words_per_s": n_words / raw_s,
        "raw_text_tokens": sum(len(d) for d in raw_docs),
        "batch": batch,
    }


# --------------------------------------------------------------------------- report


def table(crf: dict | None, pipe: dict | None, labels: Sequence[str] = LABELS) -> str:
    """Side-by-side per-label and micro P/R/F1 (support = gold entities in dev)."""
    systems = [(n, s) for n, s in (("CRF", crf), ("pipeline", pipe)) if s]
    head = f"{'label':<14}{'support':>8}"
    sub = " " * 22
    for name, _ in systems:
        head += f"  {name:^23}"
        sub += f"  {'P':>7}{'R':>8}{'F1':>8}"
    lines = [head, sub]
    for lab in [*labels, "micro"]:
        sup = next(int(s["scores"].get(lab, {}).get("support", 0)) for _, s in systems)
        row = f"{lab:<14}{sup:>8}"
        for _, s in systems:
            m = s["scores"].get(lab) or {"p": 0.0, "r": 0.0, "f1": 0.0}
            row += f"  {m['p']:>7.4f}{m['r']:>8.4f}{m['f1']:>8.4f}"
        if lab == "micro":
            lines.append("-" * len(row))
        lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None, help="pipeline folder (default: load_pipeline's)")
    ap.add_argument("--data", type=Path, default=KAZNERD, help="folder with train.iob, dev.iob")
    ap.add_argument("--crf-max-iter", type=int, default=crf_recipe.MAX_ITER)
    ap.add_argument("--limit-train", type=int, default=0, help="CRF train sentences (0 = all)")
    ap.add_argument("--limit-dev", type=int, default=0, help="dev sentences (0 = all)")
    ap.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads for the pipeline")
    ap.add_argument("--batch", type=int, default=256, help="nlp.pipe batch_size (sentences)")
    ap.add_argument("--no-crf", action="store_true")
    ap.add_argument("--rules", action="store_true",
                    help="add the derek_ner_rules component after the model")
    ap.add_argument("--no-quantize", action="store_true",
                    help="transformer pipeline with quantize=false forced (the default since the "
                         "int8 measurement)")
    ap.add_argument("--no-pipeline", action="store_true")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = ap.parse_args(argv)

    from kg.nlp.train import limit_threads

    limit_threads(args.threads)
    dev = load_split(args.data / "dev.iob", args.limit_dev)
    n_words = sum(len(w) for w, _ in dev)
    result: dict = {
        "dev": {"sentences": len(dev), "words": n_words,
                "entities": sum(len(spans(t)) for _, t in dev)},
        "cpu": {"cores": os.cpu_count(), "machine": platform.processor() or platform.machine(),
                "threads": args.threads},
    }  # fmt: skip
    print(f"KazNERD dev: {len(dev)} sentences, {n_words} words, "
          f"{result['dev']['entities']} entities ({args.data / 'dev.iob'})")  # fmt: skip

    crf = None
    if not args.no_crf:
        train = load_split(args.data / "train.iob", args.limit_train)
        print(f"CRF: training on {len(train)} sentences, max_iterations={args.crf_max_iter} …",
              flush=True)  # fmt: skip
        crf = result["crf"] = run_crf(train, dev, args.crf_max_iter)

    pipe = None
    if not args.no_pipeline:
        from kg.nlp import load_pipeline, model_path

        t0 = time.perf_counter()
        if args.no_quantize:  # the transformer in fp32 on CPU (the default quantises to int8)
            import spacy

            import kg.nlp.lang  # noqa: F401
            import kg.nlp.trf_ner  # noqa: F401

            nlp = spacy.load(model_path(args.model),
                             config={"components": {"ner": {"quantize": False}}})
        else:
            nlp = load_pipeline(args.model)
        if args.rules:  # the press-release rules after the model (kg/nlp/ner_rules.py)
            import spacy

            import kg.nlp.ner_rules  # noqa: F401

            nlp = spacy.load(model_path(args.model)) if not args.no_quantize else nlp
            nlp.add_pipe("derek_ner_rules")
        load_s = time.perf_counter() - t0
        pipe = result["pipeline"] = run_pipeline(nlp, dev, args.batch)
        pipe.update(model=str(model_path(args.model)), load_s=load_s, threads=args.threads,
                    pipes=list(nlp.pipe_names))  # fmt: skip

    print()
    print(table(crf, pipe))
    print()
    print(f"CPU speed ({result['cpu']['cores']} cores here, dev = {n_words} words):")
    if crf:
        print(f"  CRF       {crf['words_per_s']:>9.0f} words/s  (features + tagging, "
              f"{crf['tag_s']:.2f} s, 1 thread); training {crf['train_s']:.1f} s on "
              f"{crf['train_words']} words, {crf['settings']['max_iterations']} max iter")
    if pipe:
        print(f"  pipeline  {pipe['words_per_s']:>9.0f} words/s  (nlp.pipe over pre-split Docs, "
              f"batch {pipe['batch']}, {pipe['tag_s']:.2f} s, {args.threads} thread(s))")
        print(f"  pipeline  {pipe['raw_text_words_per_s']:>9.0f} words/s  (nlp.pipe(texts), raw "
              f"text incl. tokenizer, {pipe['raw_text_s']:.2f} s, {args.threads} thread(s))")
        print(f"  pipeline load {pipe['load_s']:.2f} s from {pipe['model']}")  # fmt: skip

    result["gpu"] = None
    gpu_line = "GPU: not available"
    if pipe:
        try:
            import torch

            has_gpu = torch.cuda.is_available()
        except ImportError:
            has_gpu = False
        if has_gpu:
            import spacy

            from kg.nlp import _load, load_pipeline, model_path

            if nlp.get_pipe("ner").__class__.__name__ == "TrfNer":  # torch, fp16 on the GPU
                import kg.nlp.trf_ner  # noqa: F401

                gnlp = spacy.load(model_path(args.model),
                                  config={"components": {"ner": {"device": "cuda"}}})
            else:
                spacy.require_gpu()
                _load.cache_clear()
                gnlp = load_pipeline(args.model)
            g = run_pipeline(gnlp, dev, args.batch)
            g["device"] = torch.cuda.get_device_name(0)
            result["gpu"] = g
            gpu_line = (f"GPU ({g['device']}): {g['words_per_s']:.0f} words/s pre-split Docs, "
                        f"{g['raw_text_words_per_s']:.0f} words/s raw text; "
                        f"micro F1 {g['scores']['micro']['f1']:.4f}")  # fmt: skip
    print(gpu_line)

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
