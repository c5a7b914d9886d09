"""Rule-based sentence splitting (kg.nlp.sentences) on hand cases and the seeds."""

from __future__ import annotations

import pytest

from kg import ROOT
from kg.nlp.sentences import split_sentences

SEEDS = ROOT / "seeds"


def texts(text: str, spans: list[tuple[int, int]] | None = None) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, spans)]


def seed(prefix: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {prefix} not in {SEEDS}")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Облыс әкімі Б.Сапарбаев келді. Жиын өтті.",
            ["Облыс әкімі Б.Сапарбаев келді.", "Жиын өтті."],
        ),
        ("Облыс әкімі Б. Сапарбаев келді.", ["Облыс әкімі Б. Сапарбаев келді."]),
        ("Мемлекет басшысы Қ.-Ж. Тоқаев сөйледі.", ["Мемлекет басшысы Қ.-Ж. Тоқаев сөйледі."]),
        ("Мемлекет басшысы Қ.-Ж.Тоқаев сөйледі.", ["Мемлекет басшысы Қ.-Ж.Тоқаев сөйледі."]),
        ("ҚР Үкіметі шешті. Жоба басталды.", ["ҚР Үкіметі шешті.", "Жоба басталды."]),
        ("Мектеп, аурухана т.б. нысандар салынды.", ["Мектеп, аурухана т.б. нысандар салынды."]),
        ("Мектеп, аурухана т.б. Биыл жалғасады.", ["Мектеп, аурухана т.б.", "Биыл жалғасады."]),
        (
            "Бюджет 92,5 млн. теңге. Биыл 6,8 млрд. теңге бөлінді.",
            ["Бюджет 92,5 млн. теңге.", "Биыл 6,8 млрд. теңге бөлінді."],
        ),
        ("2020 ж. 15 наурызда өтті.", ["2020 ж. 15 наурызда өтті."]),
        ("Өсім 1.5 есе болды. Ал 92,5 пайыз.", ["Өсім 1.5 есе болды.", "Ал 92,5 пайыз."]),
        (
            "Не істеу керек? Жауап бар! Мысалы... ол келді.",
            ["Не істеу керек?", "Жауап бар!", "Мысалы... ол келді."],
        ),
        # a quotation of two sentences, then the speech tag continuing the last one
        (
            "«Жоба жалғасады. Жыл соңында бітеді», – деді Жеңіс Асанов. Жиын аяқталды.",
            ["«Жоба жалғасады.", "Жыл соңында бітеді», – деді Жеңіс Асанов.", "Жиын аяқталды."],
        ),
        (
            "«Жоба жалғасады. Жыл соңында бітеді.» – деді Жеңіс Асанов.",
            ["«Жоба жалғасады.", "Жыл соңында бітеді.» – деді Жеңіс Асанов."],
        ),
        ("«Жоба жалғасады.» Жиын аяқталды.", ["«Жоба жалғасады.»", "Жиын аяқталды."]),
        ("Ол айтты. – Біз келеміз, – деді ол.", ["Ол айтты.", "– Біз келеміз, – деді ол."]),
        (
            "«Баланы мектепке дайындайық!» акциясы өтті.",
            ["«Баланы мектепке дайындайық!» акциясы өтті."],
        ),
        # lines
        (
            "Тақырып\nМәтін бірінші. Екінші.\n\n  \nҮшінші жол",
            ["Тақырып", "Мәтін бірінші.", "Екінші.", "Үшінші жол"],
        ),
        ("", []),
    ],
)
def test_cases(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_paragraphs_and_indices() -> None:
    sents = split_sentences("Тақырып\n\nБір. Екі.\nҮш.")
    assert [(s.index, s.paragraph) for s in sents] == [(0, 0), (1, 1), (2, 1), (3, 2)]


def test_spans_restrict_and_offsets_are_absolute() -> None:
    text = "Мәзір\nБірінші сөйлем. Екінші сөйлем.\nLeave A Reply"
    body = (6, 37)
    assert texts(text, [body]) == ["Бірінші сөйлем.", "Екінші сөйлем."]
    assert split_sentences(text, [body])[0].start == 6
    with pytest.raises(ValueError, match="outside text"):
        split_sentences(text, [(0, 999)])


def test_seed_000() -> None:
    text = seed("000")
    got = texts(text)
    headline = "СҚО-да мүгедектігі бар мыңға жуық адам жұмысқа орналастырылды - AMANAT"
    assert got[:2] == [headline, headline]  # each headline line is its own sentence
    assert len(got) == 21
    assert got[5] == "Оның бірі – «Кедергісіз келешек» жобасы."
    assert got[7].startswith("«Өткен 2 жылда 369 нысан")
    assert got[7].endswith("бейімделді.")
    assert got[8] == "Өкінішке қарай, былтыр нысандарды бейімдеу жоспары тек 43%-ға орындалды."
    assert got[9].startswith("«Ардагерлерді ардақтайық» жобасы")
    assert got[10].startswith("Бір жарым мыңнан астам")
    assert got[10].endswith("ұйымдастырылды», – деді Жеңіс Асанов.")
    assert got[12] == (
        "2021-2022 жылдары 5827 балаға 92,5 млн теңге сомасына қайырымдылық көмек көрсетілді."
    )
    assert got[19] == "Оның 20%-ы – жастар, 43,5%-ы – әйелдер."
    sents = split_sentences(text)
    assert {s.paragraph for s in sents[7:11]} == {5}


def test_seed_001_initials_and_spaces() -> None:
    got = texts(seed("001"))
    assert (
        "Жиын соңында өңір басшысы Б.Сапарбаев тиісті сала басшылары мен қала және аудан "
        "әкімдеріне тапсырмалар берді." in got
    )
    assert "Жобаға 18 мыңға жуық адам тартылды." in got
    assert "241" in got  # a line of its own


def test_seed_004_speech_tags() -> None:
    got = texts(seed("004"))
    assert any(s.endswith("- деді\xa0Басирова.") and s.startswith("Қиындықтарға") for s in got)
    assert "Нұр-Сұлтан, BAQ.KZ." in got


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_offsets_cover_text(prefix: str) -> None:
    text = seed(prefix)
    sents = split_sentences(text)
    assert sents, prefix
    for a, b in zip(sents, sents[1:], strict=False):
        assert a.end <= b.start
        assert "\n" not in text[a.start : a.end]
    covered = " ".join(text[s.start : s.end] for s in sents)
    assert len(covered.split()) == len(text.split())  # no word lost
