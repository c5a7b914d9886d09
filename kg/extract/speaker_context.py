"""The article prepared for speaker resolution: person hits with their case, sentences.

Split from :mod:`kg.extract.reporters` (which resolves who speaks): a person mention's
grammatical case (:func:`word_case`), a fallback sentence splitter and :class:`Context`,
built once per article and read by every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.model import Person, Post, Sentence
from kg.normalise.morph import GENITIVE

WORD = re.compile(r"[^\W\d_]+")
_SENT_END = re.compile(r"[.!?…]+(?=[\s«\"“„–—-]|$)|\n+")
_DAT = ("ға", "ге", "қа", "ке", "на", "не", "а", "е")
_ACC = ("ны", "ні", "ды", "ді", "ты", "ті")


@dataclass(frozen=True)
class Hit:
    """A person mention: ``end`` is the end of the whole word (case ending included)."""

    start: int
    end: int
    key: str
    case: str  # nom | gen | dat | acc | obl


def word_case(word: str, tokens: frozenset[str]) -> str:
    """The case of an inflected name ``word`` given the name's tokens (lower case).

    >>> toks = frozenset({"бақытжан", "сағынтаев", "ляна"})
    >>> [word_case(w, toks) for w in ("Сағынтаев", "Сағынтаевтың", "Сағынтаевқа", "Ляна")]
    ['nom', 'gen', 'dat', 'nom']
    """
    w = word.lower()
    if w in tokens:
        return "nom"
    for t in sorted(tokens, key=len, reverse=True):
        if len(t) >= 3 and w.startswith(t):
            return _suffix_case(w[len(t):])
    if w.endswith(GENITIVE):
        return "gen"
    if w.endswith(("ға", "ге", "қа", "ке", "ына", "іне")):
        return "dat"
    return "nom"


def _suffix_case(rest: str) -> str:
    if not rest:
        return "nom"
    if rest in GENITIVE:
        return "gen"
    if rest in _DAT:
        return "dat"
    if rest in _ACC:
        return "acc"
    return "obl"


def _word_end(text: str, i: int) -> int:
    while i < len(text) and (text[i].isalpha() or (text[i] == "-" and i + 1 < len(text)
                                                   and text[i + 1].isalpha())):
        i += 1
    return i


def split_sentences(text: str) -> list[Sentence]:
    """A fallback sentence splitter (used when the pipeline passes no sentences).

    >>> [s.end for s in split_sentences("Бір. Б.Сапарбаев келді.\\nЕкі")]
    [4, 23, 27]
    """
    out: list[Sentence] = []
    start, para = 0, 0
    for m in _SENT_END.finditer(text):
        if m.group().startswith(".") and m.start() >= 1 and text[m.start() - 1].isupper() and (
                m.start() < 2 or not text[m.start() - 2].isalpha()):
            continue  # an initial: «Б.Сапарбаев», «Б. Сапарбаев»
        end = m.end() if not m.group().startswith("\n") else m.start()
        if text[start:end].strip():
            s0 = start + len(text[start:end]) - len(text[start:end].lstrip())
            out.append(Sentence(start=s0, end=end, index=len(out), paragraph=para))
        para += m.group().count("\n")
        start = m.end()
    if text[start:].strip():
        s0 = start + len(text[start:]) - len(text[start:].lstrip())
        out.append(Sentence(start=s0, end=len(text), index=len(out), paragraph=para))
    return out


@dataclass
class Context:
    """An article prepared for speaker resolution (built once per article)."""

    text: str
    sentences: list[Sentence]
    hits: list[Hit]
    posts: list[Post]
    masked: list[tuple[int, int]] = field(default_factory=list)  # other quotes' contents

    @classmethod
    def build(cls, text: str, sentences: list[Sentence], people: list[Person],
              posts: list[Post]) -> Context:
        hits: list[Hit] = []
        for p in people:
            tokens = frozenset(w.lower() for w in WORD.findall(p.name))
            for m in p.mentions:
                end = _word_end(text, m.end)
                words = WORD.findall(text[m.start:end])
                if words:
                    hits.append(Hit(m.start, end, p.key, word_case(words[-1], tokens)))
        hits.sort(key=lambda h: (h.start, -h.end))
        sents = sorted(sentences, key=lambda s: s.start) or split_sentences(text)
        return cls(text, sents, hits, list(posts))

    def sentence_at(self, pos: int) -> tuple[int, int]:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s.start, s.end
        return pos, pos

    def is_masked(self, a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in self.masked)

    def nominative(self, a: int, b: int) -> list[Hit]:
        return [h for h in self.hits if a <= h.start and h.end <= b and h.case == "nom"
                and not self.is_masked(h.start, h.end)]

