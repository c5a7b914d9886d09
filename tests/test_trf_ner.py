"""The transformer NER component (kg.nlp.trf_ner): decoding, serialisation, tagging.

A tiny randomly initialised BERT with the real pruned tokenizer stands in for the trained
weights where the test is about the component's mechanics (to_disk/from_disk keep the
predictions; spans come out well formed); the bundled model is tested on real text in
tests/test_nlp_model.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

import kg.nlp.lang  # noqa: F401
from kg.nlp import TRF_MODEL
from kg.nlp.train_trf import TAGS, encode, spans_f1
from kg.nlp.trf_ner import TrfNer, bio_spans, load_tokenizer, piece_groups, transition_mask, viterbi

torch = pytest.importorskip("torch")
TOKENIZER = TRF_MODEL / "ner" / "tokenizer.json"
pytestmark = pytest.mark.skipif(not TOKENIZER.is_file(), reason="no bundled transformer model")

WORDS = ["Облыс", "әкімі", "Бердібек", "Сапарбаев", "Тараз", "қаласында", "92,5", "млн",
         "теңге", "бөлді", "."]


def tiny_component(seed: int = 0) -> TrfNer:
    from transformers import BertConfig, BertForTokenClassification

    torch.manual_seed(seed)
    tok = load_tokenizer(TOKENIZER)
    config = BertConfig(vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64, num_labels=len(TAGS),
                        pad_token_id=tok.pad_token_id)
    model = BertForTokenClassification(config).eval()
    comp = TrfNer(quantize=False)
    comp.set_model(model, tok, TAGS)
    return comp


def test_viterbi_never_starts_inside() -> None:
    rng = np.random.default_rng(0)
    mask = transition_mask(TAGS)
    for _ in range(50):
        scores = np.log(rng.dirichlet(np.ones(len(TAGS)), size=7))
        tags = [TAGS[i] for i in viterbi(scores, mask)]
        for prev, cur in zip(["O", *tags], tags, strict=False):
            if cur.startswith("I-"):
                assert prev[2:] == cur[2:] and prev != "O", tags


def test_bio_spans_and_f1() -> None:
    gold = [bio_spans(["B-PERSON", "I-PERSON", "O", "B-GPE"])]
    assert gold == [[(0, 2, "PERSON"), (3, 4, "GPE")]]
    assert spans_f1(gold, gold)["f"] == 1.0
    assert spans_f1(gold, [[(0, 1, "PERSON")]])["f"] == 0.0


def test_encode_labels_first_piece_only() -> None:
    tok = load_tokenizer(TOKENIZER)
    (ids, labels), = encode(tok, [(["Жеңіс", "Асанов"], ["B-PERSON", "I-PERSON"])], 64)
    assert ids[0] == tok.cls_token_id and ids[-1] == tok.sep_token_id
    assert [x for x in labels if x != -100] == [TAGS.index("B-PERSON"), TAGS.index("I-PERSON")]
    assert len(ids) > 4  # «Жеңіс» is more than one piece, its other pieces are ignored


def test_to_disk_from_disk_keeps_predictions(tmp_path: Path) -> None:
    comp = tiny_component()
    before = comp.predict([WORDS, ["Иә", "."]])
    comp.to_disk(tmp_path / "ner")
    loaded = TrfNer(quantize=False).from_disk(tmp_path / "ner")
    assert loaded.predict([WORDS, ["Иә", "."]]) == before
    assert loaded.labels == comp.labels and "PERSON" in loaded.labels
    quantised = TrfNer(quantize=True).from_disk(tmp_path / "ner")
    assert [len(t) for t in quantised.predict([WORDS])] == [len(WORDS)]


def test_tags_docs_with_whitespace_and_empty() -> None:
    comp = tiny_component(seed=3)
    nlp = spacy.blank("kk")
    docs = [Doc(nlp.vocab, words=WORDS), nlp("Иә,\n\n  жоқ."), nlp("")]
    out = list(comp.pipe(docs, batch_size=2))
    assert [len(d) for d in out] == [len(d) for d in docs]
    for doc in out:
        for ent in doc.ents:
            assert not doc[ent.start].is_space and not doc[ent.end - 1].is_space
            assert ent.label_ in comp.labels


def test_grouping_by_pieces_does_not_change_scores() -> None:
    """Sentences of mixed length, run together in small padded groups or one at a time,
    get the same word scores (padding is masked, the original order is kept)."""
    comp = tiny_component(seed=5)
    sents = [WORDS, ["Иә", "."], WORDS[:4], WORDS * 3, ["Жоқ"]]
    comp.batch_pieces = 40  # several groups, one sentence longer than the budget
    together = comp.word_scores(sents)
    alone = [comp.word_scores([s])[0] for s in sents]
    assert [len(s) for s in together] == [len(s) for s in sents]
    for a, b in zip(together, alone, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-4)
    assert piece_groups([30, 4, 12, 5], 16) == [[1, 3], [2], [0]]


def test_no_weights_is_a_clear_error() -> None:
    with pytest.raises(RuntimeError, match="no weights"):
        TrfNer().predict([["Иә"]])


def test_rules_replace_overlapping_model_entities() -> None:
    import kg.nlp.ner_rules  # noqa: F401

    nlp = spacy.blank("kk")
    rules = nlp.add_pipe("derek_ner_rules")
    doc = nlp("Жиын Жезқазған қаласы әкімдігінің залында өтті, ШҚО-ның өкілдері келді.")
    doc.ents = [doc.char_span(5, 14, "GPE"), doc.char_span(34, 41, "FACILITY")]
    out = [(e.text, e.label_) for e in rules(doc).ents]
    assert out == [("Жезқазған қаласы әкімдігінің", "ORGANISATION"), ("залында", "FACILITY"),
                   ("ШҚО-ның", "GPE")]
    assert not any(e.label_ == "PROJECT" for e in nlp("«Таза ауыл» жобасы басталды.").ents)
