"""Kazakh numerals: digits, number words, scale words (kg.extract.numerals)."""

from decimal import Decimal

import pytest

from kg.extract.numerals import parse_number, tokenize, word_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 572 800", "1572800"),
        ("46\u00a0560", "46560"),  # no-break space groups thousands
        ("33\u202f368", "33368"),  # narrow no-break space
        ("92,5", "92.5"),
        ("6.8", "6.8"),
        ("1.572.800", "1572800"),
        ("92,5 млн", "92500000"),
        ("6,8 млрд теңге", "6800000000"),
        ("304 мың гектар", "304000"),
        ("5 мыңнан астам", "5000"),
        ("2 млрд 300 млн", "2300000000"),
        ("1,2 трлн", "1200000000000"),
        ("млн-нан", "1000000"),
        ("бір жарым мың", "1500"),
        ("екі жүз елу", "250"),
        ("мыңға", "1000"),
        ("он мыңнан", "10000"),
        ("жиырма бес мың", "25000"),
        ("үш жүз жеті мың", "307000"),
        ("бір миллион екі жүз мың", "1200000"),
        ("жарты миллион", "500000"),
        ("екі жарым", "2.5"),
        ("27 964-і", "27964"),
        ("170-ке", "170"),
        ("тоқсан тоғыз", "99"),
    ],
)
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(
    "text", ["", "Оның", "бірі", "үшін", "онда", "мыңдаған", "бірнеше", "жарым", "екеуі", "жүзеге"]
)
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_word_number_endings() -> None:
    assert word_number("жиырмаға") == (20, "ten", "ға")
    assert word_number("мыңдай") == (1000, "scale", "дай")
    assert word_number("оның") is None  # pronoun, not «он» + genitive
    assert word_number("бірге") is None  # «together»
    assert word_number("алтын") is None  # «gold»


def test_tokenize_offsets_and_suffixes() -> None:
    toks = tokenize("43,5%-ы және 395-сі", offset=10)
    assert [(t.kind, t.text, t.suffix) for t in toks] == [
        ("num", "43,5", ""), ("pct", "%", "ы"), ("word", "және", ""), ("num", "395", "сі"),
    ]
    assert toks[0].start == 10 and toks[-1].end == 10 + len("43,5%-ы және 395-сі")
