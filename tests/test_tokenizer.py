"""The Kazakh tokenizer (kg.nlp.lang) and its agreement with converted KazNERD."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from kg.nlp.kaznerd import detokenize, merge_tokens, read_iob
from kg.nlp.lang import Kazakh, like_num
from kg.nlp.train import default_data_dir


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    return spacy.blank("kk")


def toks(nlp: spacy.Language, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


def test_blank_kk_is_ours(nlp: spacy.Language) -> None:
    assert isinstance(nlp, Kazakh)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quotes split off
        ("«AMANAT» партиясы", ["«", "AMANAT", "»", "партиясы"]),
        ("„Нұр Отан“ партиясы", ["„", "Нұр", "Отан", "“", "партиясы"]),
        ("ұйымдастырылды», – деді", ["ұйымдастырылды", "»", ",", "–", "деді"]),
        ("«AlmaU»-дың", ["«", "AlmaU", "»", "-дың"]),
        # dashes
        (
            "Оның бірі – «Кедергісіз келешек» жобасы.",
            ["Оның", "бірі", "–", "«", "Кедергісіз", "келешек", "»", "жобасы", "."],
        ),
        ("іс—шара", ["іс", "—", "шара"]),
        ("2021-2022 жылдарда", ["2021", "-", "2022", "жылдарда"]),
        # decimal comma, decimal point, clock time
        ("92,5 млн теңге", ["92,5", "млн", "теңге"]),
        ("1.5 есе", ["1.5", "есе"]),
        ("сағат 18:00-де", ["сағат", "18:00-де"]),
        # space-grouped thousands
        ("1 572 800 теңгелік", ["1 572 800", "теңгелік"]),
        ("46 560 жұмыс орны", ["46 560", "жұмыс", "орны"]),
        ("27 964-і", ["27 964-і"]),
        ("27 680-32 005 теңге", ["27 680", "-", "32 005", "теңге"]),
        ("1 2345 адам", ["1", "2345", "адам"]),  # not a 3-digit group
        ("2020 300 адам", ["2020", "300", "адам"]),  # head longer than 3 digits
        ("5 мың адам", ["5", "мың", "адам"]),
        # percent with case endings
        ("43%-ға орындалды", ["43", "%-ға", "орындалды"]),
        ("65,3%-ы немесе", ["65,3", "%-ы", "немесе"]),
        ("92% орындалды.", ["92", "%", "орындалды", "."]),
        # hyphenated names and words, abbreviations with case endings
        ("Қасым-Жомарт Тоқаев", ["Қасым-Жомарт", "Тоқаев"]),
        ("СҚО-да", ["СҚО-да"]),
        ("557-сі", ["557-сі"]),
        ("жүріп-тұруы", ["жүріп-тұруы"]),
        # initials
        ("Б.Сапарбаев", ["Б.", "Сапарбаев"]),
        ("Қ.-Ж.Тоқаев", ["Қ.-Ж.", "Тоқаев"]),
        ("Б. Сапарбаев", ["Б.", "Сапарбаев"]),
        # abbreviations
        ("т.б. мәселелер", ["т.б.", "мәселелер"]),
        ("2020 ж. бастап", ["2020", "ж.", "бастап"]),
        ("ҚР Үкіметі.", ["ҚР", "Үкіметі", "."]),
        ("деді Асанов.", ["деді", "Асанов", "."]),
    ],
)
def test_tokenizer_cases(nlp: spacy.Language, text: str, expected: list[str]) -> None:
    assert toks(nlp, text) == expected


def test_offsets_round_trip(nlp: spacy.Language) -> None:
    text = "Жыл басынан бері 1 742 адам, яғни 93,8%-ды қамтылды."
    doc = nlp(text)
    assert doc.text == text
    assert [t.text for t in doc if t.like_num] == ["1 742", "93,8"]


@pytest.mark.parametrize(
    "word",
    [
        "бір",
        "екі",
        "үш",
        "төрт",
        "бес",
        "алты",
        "жеті",
        "сегіз",
        "тоғыз",
        "он",
        "жиырма",
        "отыз",
        "қырық",
        "елу",
        "алпыс",
        "жетпіс",
        "сексен",
        "тоқсан",
        "жүз",
        "мың",
        "миллион",
        "миллиард",
        "жарым",
        "мыңнан",
        "екіге",
        "жиырмасы",
        "5827",
        "92,5",
        "1 572 800",
        "100-ден",
        "43,5",
        "557-сі",
    ],
)
def test_like_num_true(word: str) -> None:
    assert like_num(word)


@pytest.mark.parametrize("word", ["жоба", "онда", "бірақ", "жүзеге", "AMANAT", "%-ға", "-"])
def test_like_num_false(word: str) -> None:
    assert not like_num(word)


def test_merge_carries_labels() -> None:
    words, tags = merge_tokens(
        ["тек", "43", ",", "5", "%-ға", "сағат", "18", ":", "00"],
        [
            "O",
            "B-PERCENTAGE",
            "I-PERCENTAGE",
            "I-PERCENTAGE",
            "I-PERCENTAGE",
            "B-TIME",
            "I-TIME",
            "I-TIME",
            "I-TIME",
        ],
    )
    assert words == ["тек", "43,5", "%-ға", "сағат", "18:00"]
    assert tags == ["O", "B-PERCENTAGE", "I-PERCENTAGE", "B-TIME", "I-TIME"]


def test_merge_repairs_iob() -> None:
    assert merge_tokens(["1", "572", "теңге"], ["O", "B-MONEY", "I-MONEY"])[1] == [
        "B-MONEY",
        "I-MONEY",
    ]


def _kaznerd(name: str) -> Path:
    path = default_data_dir() / name
    if not path.is_file():
        pytest.skip(f"KazNERD not available at {path}")
    return path


@pytest.mark.parametrize(("name", "limit"), [("dev.iob", None), ("train.iob", 1500)])
def test_tokenizer_agrees_with_converted_kaznerd(
    nlp: spacy.Language, name: str, limit: int | None
) -> None:
    """Detokenise converted KazNERD sentences; our tokenizer must give the tokens back."""
    total = 0
    mismatches: list[str] = []
    for i, (words, tags) in enumerate(read_iob(_kaznerd(name))):
        if limit is not None and i >= limit:
            break
        merged, _ = merge_tokens(words, tags)
        text, _ = detokenize(merged)
        got = toks(nlp, text)
        total += 1
        if got != merged:
            mismatches.append(f"{text}\n   ours:    {got}\n   kaznerd: {merged}")
    rate = 1 - len(mismatches) / total
    assert rate >= 0.99, f"agreement {rate:.4f} < 0.99; mismatches:\n" + "\n".join(mismatches[:30])
