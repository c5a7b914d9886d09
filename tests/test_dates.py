"""Article dates: given dates normalised to ISO 8601, dates found in the text (kg.read.dates)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import Article
from kg.read import read_inputs
from kg.read.dates import dates_in, find_date, iso_date

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("24 Желтоқсан 2020, 09:31", "2020-12-24T09:31:00"),
        ("24 желтоқсан 2020 ж.", "2020-12-24"),
        ("2020 жылғы 24 желтоқсанда", "2020-12-24"),
        ("2020 жылғы 24 желтоқсан", "2020-12-24"),
        ("24.12.2020", "2020-12-24"),
        ("24.12.2020, 09:31", "2020-12-24T09:31:00"),
        ("12:47, 3 қыркүйек 2025", "2025-09-03T12:47:00"),
        ("1 ҚАҢТАР 2024", "2024-01-01"),
        ("5 ақпаннан 2023", "2023-02-05"),
        ("15 наурызда 2022 жылы", "2022-03-15"),
        ("9 сәуір 2021", "2021-04-09"),
        ("1 мамыр 2021", "2021-05-01"),
        ("30 маусым 2021", "2021-06-30"),
        ("6 шілде 2021", "2021-07-06"),
        ("31 тамыз 2021", "2021-08-31"),
        ("25 Қазан 2021", "2021-10-25"),
        ("16 қарашада 2021", "2021-11-16"),
        ("24 декабря 2020 г.", "2020-12-24"),
        ("1 мая 2021", "2021-05-01"),
        ("8 марта 2021, 10:00", "2021-03-08T10:00:00"),
        ("2020-12-24", "2020-12-24"),
        ("2020-12-24T09:31", "2020-12-24T09:31:00"),
        ("2020-12-24T09:31:00+06:00", "2020-12-24T09:31:00+06:00"),
        ("2020-12-24T09:31:00+0600", "2020-12-24T09:31:00+06:00"),
        ("Thu, 24 Dec 2020 09:31:00 +0600", "2020-12-24T09:31:00+06:00"),
        ("Thu, 24 Dec 2020 03:31:00 GMT", "2020-12-24T03:31:00+00:00"),
    ],
)
def test_phrases_give_iso_dates(phrase: str, iso: str) -> None:
    assert iso_date(phrase) == iso
    if not phrase[:1].isalpha():  # RFC 822 (RSS) dates are read from feeds only, not text
        assert [d for _, _, d in dates_in(f"Мәтін {phrase} мәтін")] == [iso]


@pytest.mark.parametrize(
    "phrase", ["2025 жылы", "24 желтоқсан", "31.02.2020", "Наурыз мейрамы", "қазан 2020", "сағат 09:31"]
)
def test_non_dates(phrase: str) -> None:
    assert iso_date(phrase) is None
    assert dates_in(phrase) == []


def test_dateline_and_archive_line_beat_dates_in_the_body() -> None:
    body = "Жоба 2025 жылғы 1 наурызда басталды. " * 3
    text = f"Тақырып\n\n24 Желтоқсан 2020, 09:31\n1489\nБөлісу:\n{body}\n{body}"
    assert find_date(text) == "2020-12-24T09:31:00"
    archived = f"Тақырып\n{body}\n" * 5 + "Бұл хабарлама дереккөзден мұрағатталған 30 Желтоқсан 2025 10:15"
    assert find_date(archived) == "2025-12-30T10:15:00"
    # a «Тағы оқыңыз» list's dates are other stories'
    related = "Тақырып\n" + "Мәтін.\n" * 5 + "Тағы оқыңыз:\nБасқа жаңалық\n11:20, 3 қыркүйек 2025"
    assert find_date(related) is None
    # a deadline is not the article's date, nor an event deep in the body
    assert find_date("Тақырып\nТапсырма 2025 жылғы 1 шілдеге дейін орындалуы тиіс.") is None
    assert find_date("Тақырып\n" + "Мәтін.\n" * 6 + "Жиын 2024 жылғы 5 наурызда өтті.") is None


#: every seed and test article with a date in its text, looked at by hand
DATED = {
    "seeds/003_59ea5043924e4096.txt": "2025-12-30T10:15:00",  # «…мұрағатталған 30 Желтоқсан 2025 10:15»
    "seeds/004_6ee0fdbb400b8aeb.txt": "2020-12-24T09:31:00",  # dateline «24 Желтоқсан 2020, 09:31»
    "tests/data/blind3/411_shymkent_baspana.txt": "2025-03-12T09:40:00",  # «Аймақтар • 12.03.2025, 09:40»
    "tests/data/blind4/506_ulytau_balabaqsha.txt": "2025-09-03T12:47:00",  # «12:47, 3 қыркүйек 2025»
    "tests/data/blind6/709_karasai_zhol.txt": "2025-06-12T20:30:00",  # «Эфир: 12.06.2025, 20:30»
    "tests/data/heldout/201_atyrau_baspana.txt": "2024-11-12T10:15:00",  # «12 Қараша 2024, 10:15»
    "tests/data/heldout/205_shymkent_police.txt": "2025-03-17T18:42:00",  # «17 Наурыз 2025, 18:42»
}


def test_seed_and_test_articles_get_the_date_in_their_text() -> None:
    # the 69 seed and test articles the dates were checked on by hand (blind7 to blind15,
    # written later, are kept unread here)
    files = sorted(ROOT.glob("seeds/*.txt")) + sorted(
        f for f in ROOT.glob("tests/data/*/*.txt")
        if f.parent.name not in ("blind7", "blind8", "blind9", "blind10", "blind11",
                                 "blind12", "blind13", "blind14",
                                 "blind15"))
    found = {}
    for item in read_inputs(files):
        assert isinstance(item, Article), item
        if item.date:
            found[str(Path(item.path or "").relative_to(ROOT))] = item.date
    assert found == DATED


def test_a_given_date_is_normalised_and_kept_when_it_does_not_parse(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(
        '{"id": "a", "text": "Жобаға 18 мыңға жуық адам тартылды.", "date": "24.12.2020"}\n'
        '{"id": "b", "text": "Жобаға 18 мыңға жуық адам тартылды.", "date": "кеше"}\n'
        '{"id": "c", "text": "24 Желтоқсан 2020\\nЖобаға 18 мыңға жуық адам тартылды."}\n',
        encoding="utf-8",
    )
    assert [a.date for a in read_inputs([f])] == ["2020-12-24", "кеше", "2020-12-24"]  # type: ignore[union-attr]
