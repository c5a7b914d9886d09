"""Press-release rules on top of the statistical NER: the ``derek_ner_rules`` component.

Three rules, each switchable in the component's config, each measured on KazNERD dev by
``benchmarks/ner.py --rules`` (README, model card), all following KazNERD's conventions (names
without their quotation marks):

* ``projects`` (off by default: on KazNERD dev it cost PROJECT precision, 0.909 → 0.854 with
  the CNN, because KazNERD leaves many quoted schemes untagged): «X» жобасы / бағдарламасы /
  акциясы / бастамасы → X is a PROJECT;
* ``akimats``: a named place + облысы/қаласы/ауданы + әкімдігі (any case) → ORGANISATION
  («Жезқазған қаласы әкімдігінің»); the bare «облыс әкімдігі» stays untagged, as in KazNERD;
* ``regions``: the regions' abbreviations (СҚО, БҚО, ШҚО, ОҚО …, with case endings) → GPE.

A rule's span replaces the model's entities it overlaps.

>>> import spacy, kg.nlp.lang
>>> nlp = spacy.blank("kk")
>>> _ = nlp.add_pipe("derek_ner_rules", config={"projects": True})
>>> doc = nlp("СҚО-да «Таза Қазақстан» акциясы өтті, Тараз қаласы әкімдігінің қолдауымен.")
>>> [(e.text, e.label_) for e in doc.ents]
[('СҚО-да', 'GPE'), ('Таза Қазақстан', 'PROJECT'), ('Тараз қаласы әкімдігінің', 'ORGANISATION')]
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.normalise.places import is_place_word

_PROJECT_HEADS = ("жоба", "бағдарлама", "акция", "бастама")
_TERRITORY = ("облыс", "қала", "аудан")
_REGION_ABBR = re.compile(r"(?:СҚО|БҚО|ШҚО|ОҚО|ЖҚО|ОҚ|ШҚ)(?:-[^\W\d_]+)?")
_OPEN, _CLOSE = ("«", "„", "“", '"'), ("»", "“", "”", '"')


class NerRules:
    """The ``derek_ner_rules`` pipe (see the module doc)."""

    def __init__(self, name: str = "derek_ner_rules", *, projects: bool = False,
                 akimats: bool = True, regions: bool = True) -> None:
        self.name = name
        self.projects, self.akimats, self.regions = projects, akimats, regions

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        if self.projects:
            spans += _projects(doc)
        if self.akimats:
            spans += _akimats(doc)
        if self.regions:
            spans += [Span(doc, t.i, t.i + 1, "GPE") for t in doc if _REGION_ABBR.fullmatch(t.text)]
        if not spans:
            return doc
        spans = filter_spans(spans)
        kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
        doc.ents = sorted(kept + spans, key=lambda s: s.start)
        return doc

    def to_disk(self, path: object, *, exclude: object = ()) -> None:  # config only
        return None

    def from_disk(self, path: object, *, exclude: object = ()) -> NerRules:
        return self


def _projects(doc: Doc) -> list[Span]:
    out = []
    for t in doc:
        if t.text not in _OPEN:
            continue
        close = next((k for k in range(t.i + 1, min(len(doc), t.i + 12)) if doc[k].text in _CLOSE),
                     None)
        if close is None or close == t.i + 1 or close + 1 >= len(doc):
            continue
        if doc[close + 1].lower_.startswith(_PROJECT_HEADS):
            out.append(Span(doc, t.i + 1, close, "PROJECT"))
    return out


def _akimats(doc: Doc) -> list[Span]:
    out = []
    for t in doc:
        if not t.lower_.startswith("әкімдіг") or t.i < 2:
            continue
        terr, place = doc[t.i - 1], doc[t.i - 2]
        if terr.lower_.startswith(_TERRITORY) and place.text[:1].isupper() and is_place_word(
                place.text):
            out.append(Span(doc, t.i - 2, t.i + 1, "ORGANISATION"))
    return out


@Language.factory("derek_ner_rules",
                  default_config={"projects": False, "akimats": True, "regions": True})
def make_ner_rules(nlp: Language, name: str, projects: bool, akimats: bool,
                   regions: bool) -> NerRules:
    """spaCy factory for :class:`NerRules`."""
    return NerRules(name, projects=projects, akimats=akimats, regions=regions)


__all__ = ["NerRules", "make_ner_rules"]
