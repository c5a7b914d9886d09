"""Validate what the mapper writes against SHACL shapes, shapes and ontology loaded once.

Shapes: ``shapes/derek-shapes.ttl`` — one node shape per spec concept
(``dsh:ArticleShape`` §4, ``dsh:PersonShape`` / ``dsh:OrganisationShape`` /
``dsh:PlaceShape`` / ``dsh:ProjectShape`` / ``dsh:PostShape`` §1,
``dsh:FigureShape`` §2–3). The ontology (``ontology/derek.ttl``) is mixed in as
pySHACL's ``ont_graph`` is, so ``sh:class`` sees its subclass axioms. The engine
(pyshacl-turbo by default, pySHACL on request) is a pluggable part: kg/validate/engines.py.

>>> from rdflib import Graph
>>> ok = validate(Graph())
>>> ok.conforms, ok.messages
(True, [])
>>> g = Graph().parse(format="turtle", data='''
...   @prefix derek: <https://derek.kz/ontology#> .
...   <https://derek.kz/id/figure/x> a derek:Figure ; derek:value "many" .''')
>>> r = validate(g)
>>> r.conforms
False
>>> any(v.path == "derek:value" and v.component == "DatatypeConstraintComponent"
...     for v in r.violations)
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg import ROOT
from kg.errors import DerekError
from kg.vocab import PREFIXES

SHAPES_PATH = ROOT / "shapes" / "derek-shapes.ttl"
ONTOLOGY_PATH = ROOT / "ontology" / "derek.ttl"


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with IRIs shortened to ``prefix:name`` where possible."""

    focus: str
    path: str
    component: str  # e.g. "MinCountConstraintComponent"
    message: str
    value: str = ""
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".strip()
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {where}: {self.message}{value} [{self.component}]"


@dataclass
class ValidationResult:
    """``conforms``, one message per violation, and the same as one text."""

    conforms: bool
    messages: list[str] = field(default_factory=list)
    text: str = ""
    violations: list[Violation] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.conforms

    def about(self, focus: str | URIRef) -> list[Violation]:
        """The violations whose focus node is ``focus`` (full or shortened IRI)."""
        key = _short(URIRef(focus)) if isinstance(focus, URIRef) else focus
        return [v for v in self.violations if v.focus in (key, str(focus))]


def _load(path: Path, what: str) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:  # rdflib raises BadSyntax(SyntaxError)
        raise DerekError("E401", f"cannot load the {what} {path}: {exc}",
                         hint="the file ships with Derek; check the checkout") from exc


@lru_cache(maxsize=4)
def load_shapes(path: Path = SHAPES_PATH) -> Graph:
    """The shapes graph (parsed once per path)."""
    return _load(path, "SHACL shapes")


@lru_cache(maxsize=4)
def load_ontology(path: Path = ONTOLOGY_PATH) -> Graph:
    """The ontology graph (parsed once per path)."""
    return _load(path, "ontology")


def _short(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, ns in PREFIXES.items():
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns):]}"
        return text
    if isinstance(node, Literal):
        return str(node)
    return node.n3()


_SEE_DETAILS = " See details for more information."
_QUOTED_SHAPE = re.compile(r"Shape '([^'\s]+)'$")


def _canonical(message: str) -> str:
    """An engine-generated message (``sh:node``, ``sh:and`` … with no ``sh:message``) in
    one wording: pySHACL adds «. See details for more information.», pyshacl-turbo quotes
    a single shape name. Messages written in the shapes pass unchanged.

    >>> _canonical("Value does not conform to Shape dsh:AnchoredShape. See details for more information.")
    'Value does not conform to Shape dsh:AnchoredShape'
    >>> _canonical("Value does not conform to Shape 'dsh:AnchoredShape'")
    'Value does not conform to Shape dsh:AnchoredShape'
    >>> _canonical("a figure needs exactly one derek:inSentence, a nif:Sentence")
    'a figure needs exactly one derek:inSentence, a nif:Sentence'
    """
    if message.endswith(_SEE_DETAILS):
        message = message[: -len(_SEE_DETAILS)].removesuffix(".")
    return _QUOTED_SHAPE.sub(r"Shape \1", message)


def _violations(report: Graph) -> list[Violation]:
    out: list[Violation] = []
    for res in report.subjects(SH.resultSeverity, None):
        component = report.value(res, SH.sourceConstraintComponent)
        comp = str(component).rsplit("#", 1)[-1] if component is not None else ""
        messages = sorted(_canonical(str(m)) for m in report.objects(res, SH.resultMessage))
        out.append(
            Violation(
                focus=_short(report.value(res, SH.focusNode)),
                path=_short(report.value(res, SH.resultPath)),
                component=comp,
                message="; ".join(messages),
                value=_short(report.value(res, SH.value)),
                severity=str(report.value(res, SH.resultSeverity)).rsplit("#", 1)[-1],
            )
        )
    out.sort(key=lambda v: (v.focus, v.path, v.component, v.value, v.message))
    return out


def validate(
    graph: Graph,
    shapes: Path | None = None,
    ontology: Path | None = None,
    *,
    engine: str | None = None,
) -> ValidationResult:
    """Validate one article graph (or several merged) against Derek's shapes.

    ``engine`` is ``"turbo"`` (the default, shapes compiled once) or ``"pyshacl"``
    (the reference); both give the same verdicts and messages (kg/validate/engines.py).
    """
    from kg.validate.engines import DEFAULT_ENGINE
    from kg.validate.engines import engine as get_engine

    conforms, report = get_engine(engine or DEFAULT_ENGINE, shapes, ontology).check(graph)
    violations = _violations(report)
    messages = [str(v) for v in violations]
    return ValidationResult(
        conforms=conforms,
        messages=messages,
        text="\n".join(messages),
        violations=violations,
    )
