"""Kazakh nominal morphology: case endings off names, heads and places."""

import pytest

from kg.normalise.morph import possessive_nominative, strip_case, strip_name, tokenize


@pytest.mark.parametrize(("form", "lemma"), [
    ("Сағынтаевтың", "Сағынтаев"), ("Асановқа", "Асанов"), ("Тоқаевтың", "Тоқаев"),
    ("Асановты", "Асанов"), ("Асановта", "Асанов"), ("Асановтан", "Асанов"),
    ("Асановпен", "Асанов"), ("Жақсығалиұлына", "Жақсығалиұлы"),
    ("Жақсығалиұлының", "Жақсығалиұлы"), ("Басированың", "Басирова"),
    ("Тұрсыновамен", "Тұрсынова"), ("Мұқанова", "Мұқанова"), ("Ысқақоваға", "Ысқақова"),
    ("Тұрсынованы", "Тұрсынова"), ("Тұрсыновадан", "Тұрсынова"), ("Путинге", "Путин"),
    ("Сапарбаев", "Сапарбаев"), ("Кемелұлы", "Кемелұлы"), ("Асановтарға", "Асанов"),
])
def test_surname_forms(form: str, lemma: str) -> None:
    assert strip_name(form) == lemma


@pytest.mark.parametrize(("form", "lemma"), [
    ("филиалының", "филиалы"), ("әкімдігіне", "әкімдігі"), ("басқармасының", "басқармасы"),
    ("министрлігінің", "министрлігі"), ("комитетінде", "комитеті"), ("қоғамын", "қоғамы"),
    ("орталығымен", "орталығы"), ("департаментінен", "департаменті"), ("партиясы", "партиясы"),
])
def test_possessive_heads(form: str, lemma: str) -> None:
    assert possessive_nominative(form) == lemma


@pytest.mark.parametrize(("form", "lemma"), [
    ("ауданының", "ауданы"), ("облысында", "облысы"), ("Астанада", "Астана"),
    ("Қызылордадағы", "Қызылорда"), ("СҚО-да", "СҚО"),
])
def test_strip_case(form: str, lemma: str) -> None:
    assert strip_case(form) == lemma


def test_tokenize_keeps_initials_and_offsets() -> None:
    text = "Жиында Қ.-Ж. Тоқаев пен Б.Сапарбаев сөйледі."
    toks = tokenize(text)
    assert ("Б.Сапарбаев", 24, 35) in toks
    assert all(text[s:e] == t for t, s, e in toks)
