"""The read stage: inputs, bad input, page furniture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.model import Article
from kg.read import Skipped, body_spans, read_inputs

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _read(path: Path) -> list[Article | Skipped]:
    return list(read_inputs([path]))


def test_seeds_read_as_articles_with_file_stem_ids() -> None:
    items = _read(SEEDS)
    assert [type(i) for i in items] == [Article] * 5
    assert [a.id for a in items] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert items[0].title == "СҚО-да мүгедектігі бар мыңға жуық адам жұмысқа орналастырылды - AMANAT"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "E001"),
        (b"   \n\n ", "E001"),
        (b"\x00\x01\x02binary\x00", "E002"),
        ("Жоба аясында 986 адам".encode("cp1251", errors="replace") + b"\xff\xfe", "E003"),
        ("Проект продолжается в этом году, и это было хорошо для всех.".encode(), "E006"),
        (b"Hello world, this is English only.", "E005"),
    ],
)
def test_bad_files_are_skipped_with_a_code(tmp_path: Path, data: bytes, code: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    [item] = _read(f)
    assert isinstance(item, Skipped)
    assert item.problem.code == code
    assert "bad.txt" in str(item)


def test_huge_file_is_skipped(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_text("Жоба аясында 986 адам жұмысқа орналасты. " * 60_000, encoding="utf-8")
    [item] = _read(f)
    assert isinstance(item, Skipped) and item.problem.code == "E004"


def test_missing_path_and_empty_dir(tmp_path: Path) -> None:
    [missing] = _read(tmp_path / "nope.txt")
    assert isinstance(missing, Skipped) and missing.problem.code == "E008"
    [empty] = _read(tmp_path)
    assert isinstance(empty, Skipped) and empty.problem.code == "E009"


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    good = {"id": "a1", "text": "Жобаға 18 мыңға жуық адам тартылды.", "title": "T", "url": "https://x.kz/1"}
    lines = [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a2"}),
        json.dumps({"text": "Жоба жалғасып жатыр."}),
        json.dumps(good, ensure_ascii=False),
        "",
    ]
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(lines), encoding="utf-8")
    items = _read(f)
    assert isinstance(items[0], Article)
    assert (items[0].id, items[0].title, items[0].url) == ("a1", "T", "https://x.kz/1")
    codes = [i.problem.code for i in items[1:] if isinstance(i, Skipped)]
    assert codes == ["E010", "E011", "E012", "E013"]
    assert "batch.jsonl:2" in str(items[1])


def test_html_is_reduced_to_text(tmp_path: Path) -> None:
    page = (
        "<html><head><script>var x=1;</script><style>p{}</style></head><body>"
        "<nav><a href='/'>Басты бет</a></nav><p>Жобаға 18 мыңға жуық адам тартылды.</p>"
        "<div>Облыс әкімі Бердібек Сапарбаев жиын өткізді.</div></body></html>"
    )
    f = tmp_path / "page.txt"
    f.write_text(page, encoding="utf-8")
    [a] = _read(f)
    assert isinstance(a, Article)
    assert "<p>" not in a.text and "var x" not in a.text
    assert "Жобаға 18 мыңға жуық адам тартылды." in a.text


def test_furniture_yields_no_body() -> None:
    text = (SEEDS / "003_59ea5043924e4096.txt").read_text(encoding="utf-8")
    body = [text[s:e] for s, e in body_spans(text)]
    joined = "\n".join(body)
    assert "Көрілімдер" not in joined
    assert "Соңғы жаңалықтар" not in joined
    assert "Валюта конвертері" not in joined
    assert "Мұғалімге қоғам ілтипаты маңызды" not in joined
    assert any("46 560 жұмыс орны" in b for b in body)
    text4 = (SEEDS / "004_6ee0fdbb400b8aeb.txt").read_text(encoding="utf-8")
    body4 = [text4[s:e] for s, e in body_spans(text4)]
    assert "1489" not in body4 and "Бөлісу:" not in body4
    assert not any(b.startswith("24 Желтоқсан 2020") for b in body4)
    text1 = (SEEDS / "001_c4802c5d7ac5deb4.txt").read_text(encoding="utf-8")
    body1 = [text1[s:e] for s, e in body_spans(text1)]
    assert "241" not in body1 and "Leave A Reply" not in body1
    assert not any("email" in b for b in body1)


def test_inline_read_also_links_do_not_end_the_body() -> None:
    """«Оқи отырыңыз:» inside the body skips the link (and a bare marker's title line); the
    same marker over a list of headlines at the end still ends the article; hashtags go."""
    text = (
        "Жезқазғанда 280 орындық жаңа балабақша ашылды.\n\n"
        "Оқи отырыңыз: Сәтбаевта 600 орындық мектептің құрылысы басталды\n\n"
        "Қала әкімі Нұрлыбек Сәрсенов балабақша ұжымын құттықтап, сөз сөйледі.\n"
        "Тағы оқыңыз:\nҚаракеңгірде 85 орындық саябақ ашылды\n"
        "Меңгерушінің сөзінше, алғашқы күні балабақшаға 250-ден астам бүлдіршін келді.\n"
        "#балабақша #Жезқазған\n"
        "Тағы оқыңыз:\nЖылу беру маусымына дайындық 85 пайызға жетті\n11:20, 3 қыркүйек 2025\n"
        "Облыс орталығында жаңа автобус бағыттары іске қосылды"
    )
    body = [text[s:e] for s, e in body_spans(text)]
    assert body == [
        "Жезқазғанда 280 орындық жаңа балабақша ашылды.",
        "Қала әкімі Нұрлыбек Сәрсенов балабақша ұжымын құттықтап, сөз сөйледі.",
        "Меңгерушінің сөзінше, алғашқы күні балабақшаға 250-ден астам бүлдіршін келді.",
    ]


def test_mixed_article_keeps_kazakh_lines_only() -> None:
    text = (
        "Облыста 240 адам жұмысқа орналасты.\n"
        "В области трудоустроены 240 человек, и это было важно для всех.\n"
        "Жоба аясында 5 мыңнан астам ардагерге көмек көрсетілді."
    )
    body = [text[s:e] for s, e in body_spans(text)]
    assert body == [
        "Облыста 240 адам жұмысқа орналасты.",
        "Жоба аясында 5 мыңнан астам ардагерге көмек көрсетілді.",
    ]


def test_related_stories_under_takyryptas_are_furniture() -> None:
    text = ("Атбасарда әлеуметтік такси іске қосылды. Қызметке 4 автокөлік бөлінді.\n\n"
            "Тақырыптас жаңалықтар\nКөкшетауда 3 жаңа оңалту орталығы ашылады\n"
            "Степногорскіде 120 отбасы баспаналы болды\n")
    body = "\n".join(text[s:e] for s, e in body_spans(text))
    assert "4 автокөлік" in body
    assert "оңалту орталығы" not in body and "120 отбасы" not in body
