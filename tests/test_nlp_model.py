"""The trained NER pipeline (models/ner-fast) through the load_pipeline contract."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp import load_pipeline, model_path, split_sentences, tag_sentences
from kg.nlp.kaznerd import LABELS

pytestmark = pytest.mark.skipif(
    not (model_path() / "meta.json").is_file(),
    reason=f"no trained model at {model_path()} (python -m kg.nlp.train)",
)

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


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in load_pipeline()(text).ents]


def test_cached_and_kk() -> None:
    nlp = load_pipeline()
    assert nlp is load_pipeline(str(model_path()))
    assert nlp.lang == "kk"
    assert "ner" in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) <= set(LABELS)


def test_person_asanov() -> None:
    for text in (ASANOV, QUOTE):
        assert ("Жеңіс Асанов", "PERSON") in ents(text), ents(text)


def test_organisation() -> None:
    found = ents(ASANOV) + ents(AKIMAT)
    orgs = [t for t, label in found if label == "ORGANISATION"]
    assert any("AMANAT" in t or "әкімдігі" in t or "басқармасы" in t for t in orgs), found


def test_pre_split_doc() -> None:
    nlp = load_pipeline()
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


def test_tag_sentences_offsets() -> None:
    text = "Тақырып\n\n" + ASANOV + " " + QUOTE
    sents = split_sentences(text)
    mentions = tag_sentences(load_pipeline(), text, sents)
    assert mentions and all(isinstance(m, Mention) and m.source == "ner" for m in mentions)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    persons = [m for m in mentions if m.label == "PERSON" and m.text == "Жеңіс Асанов"]
    assert len(persons) == 2
    assert persons[1].start > text.index(QUOTE)


def test_missing_model_is_clear(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FileNotFoundError, match="no spaCy pipeline"):
        load_pipeline(tmp_path / "nothing")


def test_saved_tokenizer_matches_code() -> None:
    import spacy

    blank = spacy.blank("kk")
    text = "СҚО-да 1 572 800 теңге, 43%-ға «AMANAT» Б.Сапарбаев т.б. 92,5 млн. 2021-2022"
    assert [t.text for t in load_pipeline()(text)] == [t.text for t in blank(text)]
