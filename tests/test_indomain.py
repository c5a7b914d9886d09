"""Issue 11 part 1: our gold as NER training spans (kg.nlp.indomain) and KazNERD in our scheme."""

from __future__ import annotations

import json
from collections import Counter

import pytest
import spacy

import kg.nlp.lang  # noqa: F401
from kg import ROOT
from kg.nlp.indomain import (
    annotate_article,
    gold_articles,
    held_out,
    read_jsonl,
    split_positions,
    write_jsonl,
)
from kg.nlp.trf_ner import bio_spans

SEED = "004_6ee0fdbb400b8aeb"


@pytest.fixture(scope="module")
def seed_rows() -> list[tuple[list[str], list[str]]]:
    text = (ROOT / "seeds" / f"{SEED}.txt").read_text("utf-8")
    gold = json.loads((ROOT / "tests" / "data" / "gold" / f"{SEED}.json").read_text("utf-8"))
    return annotate_article(text, gold, spacy.blank("kk"), None, Counter())


def _spans(rows: list[tuple[list[str], list[str]]]) -> list[tuple[str, str]]:
    return [(" ".join(w[s:e]), label) for w, t in rows for s, e, label in bio_spans(t)]


def test_gold_people_orgs_and_projects_become_spans_with_their_case_endings(seed_rows):
    spans = _spans(seed_rows)
    people = {t for t, label in spans if label == "PERSON"}
    assert "Бақытжан Сағынтаев" in people
    assert "Бақытжан Сағынтаевтың" in people  # the case ending inside the span, as in KazNERD
    orgs = {t for t, label in spans if label == "ORGANISATION"}
    assert any(t.startswith("« Бақытты отбасы » әлеуметтік қолдау орталығ") for t in orgs)
    assert {t for t, label in spans if label == "PROJECT"} >= {"Іскер ана"}


def test_a_post_is_its_own_span_next_to_the_name(seed_rows):
    for words, tags in seed_rows:
        spans = bio_spans(tags)
        for (s1, e1, l1), (s2, _e2, l2) in zip(spans, spans[1:], strict=False):
            if l1 == "POSITION" and l2 == "PERSON" and words[s2] == "Бақытжан":
                assert words[s1:e1] == ["әкімі"]
                return
    pytest.fail("no «… әкімі Бақытжан Сағынтаев» post span")


def test_every_sentence_has_valid_bio(seed_rows):
    for words, tags in seed_rows:
        assert len(words) == len(tags)
        for prev, tag in zip(["O", *tags], tags, strict=False):
            if tag.startswith("I-"):
                assert prev[2:] == tag[2:], (words, tags)


def test_never_looked_at_articles_are_left_out():
    seen = {(s, a) for s, a, _, _ in gold_articles()}
    assert ("blind7", "801_kyzylorda_skrining") in seen
    assert ("blind7", "802_shymkent_mektep") not in seen
    assert not any(held_out(s, a) for s, a in seen)
    assert ("seeds", SEED) in seen
    assert not any(s == "blind9" for s, _ in seen)  # written after the committed model


def test_kaznerd_position_with_an_organisation_splits():
    words = ["«", "Нұр", "Отан", "»", "партиясы", "төрағасының", "бірінші", "орынбасары"]
    tags = ["B-POSITION"] + ["I-POSITION"] * 7
    out = split_positions(words, tags)
    assert bio_spans(out) == [(0, 5, "ORGANISATION"), (5, 8, "POSITION")]
    plain = ["B-POSITION", "I-POSITION"]
    assert split_positions(["Мемлекет", "басшысы"], plain) == plain


def test_jsonl_round_trip(tmp_path, seed_rows):
    write_jsonl(tmp_path / "x.jsonl", [{"words": w, "tags": t} for w, t in seed_rows])
    assert read_jsonl(tmp_path / "x.jsonl") == seed_rows
