"""The trained NER pipelines (models/ner-trf, models/ner-fast) through the load_pipeline
contract: each test runs once per bundled model."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp import FAST_MODEL, TRF_MODEL, load_pipeline, model_path, split_sentences, tag_sentences
from kg.nlp.kaznerd import LABELS

MODELS = [p for p in (TRF_MODEL, FAST_MODEL) if (p / "meta.json").is_file()]
pytestmark = pytest.mark.skipif(not MODELS, reason="no trained model (python -m kg.nlp.train)")


@pytest.fixture(params=MODELS, ids=[p.name for p in MODELS])
def nlp_dir(request):  # type: ignore[no-untyped-def]
    return request.param

ASANOV = (
    "«AMANAT» партиясы Солтүстік Қазақстан облыстық филиалының атқарушы хатшысы Жеңіс Асанов "
    "екі жылда атқарылған жұмысты қорытындылап, бүгінде 8 партиялық жоба жүйелі жүзеге "
    "асырылып жатқанын атап өтті."
)
QUOTE = (
    "Бір жарым мыңнан астам қарттың үйіне көшпелі медициналық тексеру ұйымдастырылды», "
    "– деді Жеңіс Асанов."
)
AKIMAT = "Жамбыл облысы әкімдігінің ішкі саясат басқармасы жиын өткізді."


def ents(text: str, path) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e.text, e.label_) for e in load_pipeline(path)(text).ents]


def test_cached_and_kk(nlp_dir) -> None:  # type: ignore[no-untyped-def]
    nlp = load_pipeline(nlp_dir)
    assert nlp is load_pipeline(str(nlp_dir))
    assert nlp.lang == "kk"
    assert "ner" in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) <= set(LABELS)


def test_person_asanov(nlp_dir) -> None:  # type: ignore[no-untyped-def]
    for text in (ASANOV, QUOTE):
        assert ("Жеңіс Асанов", "PERSON") in ents(text, nlp_dir), ents(text, nlp_dir)


def test_organisation(nlp_dir) -> None:  # type: ignore[no-untyped-def]
    found = ents(ASANOV, nlp_dir) + ents(AKIMAT, nlp_dir)
    orgs = [t for t, label in found if label == "ORGANISATION"]
    assert any("AMANAT" in t or "әкімдігі" in t or "басқармасы" in t for t in orgs), found


def test_pre_split_doc(nlp_dir) -> None:  # type: ignore[no-untyped-def]
    nlp = load_pipeline(nlp_dir)
    words = [
        "Облыс",
        "әкімі",
        "Бердібек",
        "Сапарбаев",
        "Тараз",
        "қаласында",
        "92,5",
        "млн",
        "теңге",
        "бөлді",
        ".",
    ]
    doc = nlp(Doc(nlp.vocab, words=words))
    assert [t.text for t in doc] == words
    assert doc.ents
    assert {e.label_ for e in doc.ents} <= set(LABELS)
    assert any(e.label_ == "PERSON" and "Сапарбаев" in e.text for e in doc.ents), doc.ents


def test_tag_sentences_offsets(nlp_dir) -> None:  # type: ignore[no-untyped-def]
    text = "Тақырып\n\n" + ASANOV + " " + QUOTE
    sents = split_sentences(text)
    mentions = tag_sentences(load_pipeline(nlp_dir), text, sents)
    assert mentions and all(isinstance(m, Mention) and m.source == "ner" for m in mentions)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    persons = [m for m in mentions if m.label == "PERSON" and m.text == "Жеңіс Асанов"]
    assert len(persons) == 2
    assert persons[1].start > text.index(QUOTE)


def test_missing_model_is_clear(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FileNotFoundError, match="no spaCy pipeline"):
        load_pipeline(tmp_path / "nothing")


def test_saved_tokenizer_matches_code(nlp_dir) -> None:  # type: ignore[no-untyped-def]
    import spacy

    blank = spacy.blank("kk")
    text = "СҚО-да 1 572 800 теңге, 43%-ға «AMANAT» Б.Сапарбаев т.б. 92,5 млн. 2021-2022"
    assert [t.text for t in load_pipeline(nlp_dir)(text)] == [t.text for t in blank(text)]


def test_default_is_the_transformer() -> None:
    import os

    if not (TRF_MODEL / "meta.json").is_file() or os.environ.get("DEREK_MODEL"):
        pytest.skip("no transformer model, or $DEREK_MODEL chooses another")
    assert model_path() == TRF_MODEL.resolve()
    assert model_path(fast=True) == FAST_MODEL.resolve()
    assert load_pipeline().get_pipe("ner").__class__.__name__ == "TrfNer"
