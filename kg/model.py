"""The typed records that flow between Derek's stages.

read → nlp → normalise → extract → map → validate → store → query

Every stage is a plain function from some of these records to others; no stage
keeps global state. Character offsets (``start``/``end``) always index
``Article.text`` (half-open, Python slicing), so a figure's sentence and its
position in the article can be recovered from the article alone.

Spec: ``shared/spec/extraction.md`` (sections 1–3).

>>> a = Article(id="x", text="Жоба аясында 986 адам жұмысқа орналасты.")
>>> s = Sentence(index=0, start=0, end=len(a.text))
>>> s.text_in(a)[:4]
'Жоба'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Qualifier = Literal["exact", "approximately", "more_than", "at_least", "up_to"]
QUALIFIERS: tuple[str, ...] = ("exact", "approximately", "more_than", "at_least", "up_to")


@dataclass(frozen=True)
class Article:
    """One input document. ``id`` is the file stem or the JSONL ``id`` field."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None
    path: str | None = None
    #: the text as the user gave it, when it was not Cyrillic (Latin-script Kazakh):
    #: ``text`` is then its transliteration (:func:`kg.read.latin.to_cyrillic`), and
    #: the graph's offsets and strings point into ``original``
    original: str | None = None
    #: the outlet that published it (a page's og:site_name, a feed's title), schema:publisher
    publisher: str | None = None


@dataclass(frozen=True)
class Span:
    """A half-open character range of ``Article.text``."""

    start: int
    end: int

    def text_in(self, article: Article) -> str:
        return article.text[self.start : self.end]


@dataclass(frozen=True)
class Sentence(Span):
    """A sentence of the article body (page furniture never yields sentences)."""

    index: int = 0
    #: index of the paragraph (line block) the sentence belongs to
    paragraph: int = 0


@dataclass(frozen=True)
class Mention(Span):
    """A tagged stretch of text: NER output or a rule's match.

    ``label`` uses KazNERD's label names (PERSON, ORGANISATION, PROJECT,
    POSITION, GPE, LOCATION, MONEY, PERCENTAGE, CARDINAL, QUANTITY …).
    """

    text: str = ""
    label: str = ""
    source: str = "ner"  # "ner" or the name of the rule that produced it


@dataclass
class Person:
    """A named human being, resolved within the article (spec §1)."""

    key: str  # normalised id, stable across articles (see kg.normalise)
    name: str  # nominative full name as first introduced: «Жеңіс Асанов»
    mentions: list[Mention] = field(default_factory=list)
    latin: str = ""  # Kazakh Latin alphabet (2021) label


@dataclass
class Organisation:
    key: str
    name: str  # full nominative name without case ending
    parent_key: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    latin: str = ""


@dataclass
class Place:
    key: str
    name: str  # nominative: «Солтүстік Қазақстан облысы»
    mentions: list[Mention] = field(default_factory=list)
    latin: str = ""


@dataclass
class Project:
    key: str
    name: str  # the name inside the quotes: «Кедергісіз келешек»
    kind: str = ""  # жоба / бағдарлама / акция / бастама / жол картасы
    mentions: list[Mention] = field(default_factory=list)
    latin: str = ""


@dataclass
class Post:
    """person — position title — organisation (spec §1, W3C ORG's org:Post)."""

    person_key: str
    position: str  # «атқарушы хатшысы», «әкімі»
    organisation_key: str | None = None
    mention: Mention | None = None


@dataclass
class Figure:
    """A number that quantifies something (spec §2). Mutable: later stages
    fill in ``project_key`` and ``reporter_key``."""

    start: int
    end: int
    text: str = ""  # the surface form: «92,5 млн теңге»
    value: Decimal = Decimal(0)
    unit: str = ""  # KZT, percent, hectare, person, or a noun lemma
    qualifier: str = "exact"
    sentence_index: int = -1
    project_key: str | None = None
    reporter_key: str | None = None  # a Person.key, or None (spec §3)


@dataclass
class Quote:
    """A stretch of reported speech and who said it (spec §3)."""

    start: int
    end: int
    speaker_key: str | None = None
    kind: str = "direct"  # direct | indirect | according_to | caption


@dataclass
class Extraction:
    """Everything extracted from one article; the mapper's only input."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def person(self, key: str | None) -> Person | None:
        return next((p for p in self.people if p.key == key), None)

    def organisation(self, key: str | None) -> Organisation | None:
        return next((o for o in self.organisations if o.key == key), None)

    def project(self, key: str | None) -> Project | None:
        return next((p for p in self.projects if p.key == key), None)

    def sentence_of(self, start: int) -> Sentence | None:
        return next((s for s in self.sentences if s.start <= start < s.end), None)
