"""Two small hand-made extractions, for tests, doctests and trying out queries.

Article ``a1`` and ``a2`` share a person (``zhenis-asanov``): mapped and stored,
he is one node named in both graphs. Offsets are computed from the text, so the
samples stay consistent if the wording changes.

>>> a1, a2 = sample_extractions()
>>> a1.figures[0].text, a1.figures[0].reporter_key
('369 нысан', 'zhenis-asanov')
>>> a2.figures[0].qualifier
'more_than'
"""

from __future__ import annotations

from decimal import Decimal

from kg.model import (
    Article,
    Extraction,
    Figure,
    Mention,
    Organisation,
    Person,
    Place,
    Post,
    Project,
    Quote,
    Sentence,
)

PARTY = "«AMANAT» партиясы"
BRANCH = "«AMANAT» партиясы Солтүстік Қазақстан облыстық филиалы"
ASANOV = "Жеңіс Асанов"

TEXT_1 = (
    f"{BRANCH}ның атқарушы хатшысы {ASANOV} «Кедергісіз келешек» жобасын таныстырды. "
    "«Жоба аясында 369 нысан тексеріліп, жұмыстың 43%-ы орындалды», – деді Жеңіс Асанов. "
    "Облыста 92,5 млн теңге бөлінді."
)
TEXT_2 = (
    "Петропавлда «Бақытты отбасы» бағдарламасы бойынша 1 500-ден астам отбасы баспана алды. "
    f"Бұл туралы {ASANOV} хабарлады."
)


def _sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for i, part in enumerate(text.split(". ")):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        out.append(Sentence(start=start, end=end, index=i))
        start = end + 1
    return out


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos, pos + len(needle)


def _figure(ex_text: str, surface: str, value: str, unit: str, sentences: list[Sentence],
            qualifier: str = "exact", **kw: str | None) -> Figure:
    start, end = _at(ex_text, surface)
    index = next(s.index for s in sentences if s.start <= start < s.end)
    return Figure(start=start, end=end, text=surface, value=Decimal(value), unit=unit,
                  qualifier=qualifier, sentence_index=index, **kw)  # type: ignore[arg-type]


def sample_extractions() -> tuple[Extraction, Extraction]:
    """Two extractions: a party branch's secretary reporting figures, and a programme."""
    s1 = _sentences(TEXT_1)
    ms, me = _at(TEXT_1, "атқарушы хатшысы")
    q_start, q_end = _at(TEXT_1, "«Жоба аясында")[0], _at(TEXT_1, "орындалды»")[1]
    a1 = Extraction(
        article=Article(id="a1", text=TEXT_1, title="Кедергісіз келешек",
                        url="https://example.kz/news/1", date="2022-03-01", source="sqo.gov.kz"),
        sentences=s1,
        people=[Person(key="zhenis-asanov", name=ASANOV,
                       mentions=[Mention(*_at(TEXT_1, ASANOV), text=ASANOV, label="PERSON")])],
        organisations=[
            Organisation(key="amanat-partiiasy", name=PARTY),
            Organisation(key="amanat-sko-filialy", name=BRANCH, parent_key="amanat-partiiasy"),
        ],
        places=[Place(key="soltustik-qazaqstan-oblysy", name="Солтүстік Қазақстан облысы")],
        projects=[Project(key="kedergisiz-keleshek", name="Кедергісіз келешек", kind="жоба")],
        posts=[Post(person_key="zhenis-asanov", position="атқарушы хатшысы",
                    organisation_key="amanat-sko-filialy",
                    mention=Mention(ms, me, text="атқарушы хатшысы", label="POSITION"))],
        figures=[
            _figure(TEXT_1, "369 нысан", "369", "нысан", s1, reporter_key="zhenis-asanov",
                    project_key="kedergisiz-keleshek"),
            _figure(TEXT_1, "43%", "43", "percent", s1, reporter_key="zhenis-asanov",
                    project_key="kedergisiz-keleshek"),
            _figure(TEXT_1, "92,5 млн теңге", "92500000", "KZT", s1),
        ],
        quotes=[Quote(start=q_start, end=q_end, speaker_key="zhenis-asanov")],
    )
    s2 = _sentences(TEXT_2)
    a2 = Extraction(
        article=Article(id="a2", text=TEXT_2),
        sentences=s2,
        people=[Person(key="zhenis-asanov", name=ASANOV)],
        places=[Place(key="petropavl", name="Петропавл")],
        projects=[Project(key="baqytty-otbasy", name="Бақытты отбасы", kind="бағдарлама")],
        figures=[_figure(TEXT_2, "1 500-ден астам отбасы", "1500", "отбасы", s2,
                         qualifier="more_than", project_key="baqytty-otbasy")],
    )
    return a1, a2
