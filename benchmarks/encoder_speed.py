"""CPU speed of the exported encoder: forward words/s and one training step (fwd+bwd).

    .venv/bin/python benchmarks/encoder_speed.py --model build/e5-small-kk --sentences 2000

Uses torch with one thread (``--threads``), KazNERD dev sentences (words = IOB tokens), batch 32.
The training step is encoder + a linear token-classification head (25 IOB types -> 51 labels),
forward + backward + AdamW step, on ``--train-steps`` batches; the estimate per epoch multiplies
the mean step time by ceil(16,717 / 32).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.encoder.prune import KAZNERD_DIR, read_iob_sentences  # noqa: E402

TRAIN_SENTENCES = 16717


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="build/e5-small-kk")
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--train-steps", type=int, default=5)
    args = ap.parse_args(argv)

    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    tok = AutoTokenizer.from_pretrained(args.model)
    model = AutoModel.from_pretrained(args.model, add_pooling_layer=False).float()
    sents = read_iob_sentences(KAZNERD_DIR / "dev.iob")[: args.sentences]
    words = sum(len(s) for s in sents)
    batches = [sents[i : i + args.batch] for i in range(0, len(sents), args.batch)]
    n_pieces = 0

    model.eval()
    t0 = time.perf_counter()
    with torch.inference_mode():
        for b in batches:
            enc = tok(
                b, is_split_into_words=True, padding=True, truncation=True, return_tensors="pt"
            )
            n_pieces += int(enc["attention_mask"].sum())
            model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"])
    fwd = time.perf_counter() - t0

    head = torch.nn.Linear(model.config.hidden_size, 51)
    opt = torch.optim.AdamW(list(model.parameters()) + list(head.parameters()), lr=5e-5)
    model.train()
    step_times = []
    for b in batches[: args.train_steps + 1]:
        enc = tok(b, is_split_into_words=True, padding=True, truncation=True, return_tensors="pt")
        labels = torch.randint(0, 51, enc["input_ids"].shape)
        t = time.perf_counter()
        out = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"])
        logits = head(out.last_hidden_state)
        loss = torch.nn.functional.cross_entropy(logits.flatten(0, 1), labels.flatten())
        loss.backward()
        opt.step()
        opt.zero_grad()
        step_times.append(time.perf_counter() - t)
    steps = step_times[1:] or step_times  # first step includes optimizer-state allocation
    step = sum(steps) / len(steps)
    report = {
        "model": args.model,
        "threads": args.threads,
        "sentences": len(sents),
        "words": words,
        "pieces_incl_specials": n_pieces,
        "forward_s": round(fwd, 2),
        "forward_words_per_s": round(words / fwd, 1),
        "train_step_s_batch": round(step, 2),
        "train_step_times": [round(x, 2) for x in step_times],
        "epoch_estimate_min": round(step * math.ceil(TRAIN_SENTENCES / args.batch) / 60, 1),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
