"""The SHACL engines behind :func:`kg.validate.validate`: one front, two pluggable parts.

* ``turbo`` (the default): pyshacl-turbo, a Rust SHACL Core + SHACL-SPARQL engine with
  pySHACL's API. The shapes are compiled once per process (:func:`engine`), so an
  article costs one call into Rust (about 15 ms for a seed article on this CPU) instead
  of pySHACL re-parsing the shapes' ``sh:sparql`` constraints with pyparsing for every
  focus node (about 0.5 s per article).
* ``pyshacl``: pySHACL itself, the reference implementation: ``kg validate --engine
  pyshacl``, and what ``tests/test_validate_engines.py`` checks the default against
  (same verdicts and the same messages on every shape fixture, every article set and
  damaged copies of real article graphs).

Both see the ontology as pySHACL's ``ont_graph`` does: its triples are mixed into a
copy of the data (so ``sh:class`` follows ``rdfs:subClassOf``), never into the caller's
graph. Each returns ``(conforms, report graph)``; the front turns the report
into :class:`~kg.validate.shacl.Violation` records.

>>> from rdflib import BNode, Graph
>>> sorted(ENGINES)
['pyshacl', 'turbo']
>>> engine("turbo").check(Graph())[0]
True
>>> engine("nope")
Traceback (most recent call last):
...
kg.errors.DerekError: E402: unknown SHACL engine 'nope' (hint: one of: pyshacl, turbo)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from rdflib import BNode, Graph

from kg.errors import DerekError

DEFAULT_ENGINE = "turbo"


class Engine(Protocol):
    """A SHACL engine bound to one shapes graph and one ontology."""

    name: str

    def check(self, data: Graph) -> tuple[bool, Graph]:
        """``(conforms, report graph)`` for ``data``; ``data`` itself is never changed."""
        ...


class PyShaclEngine:
    """pySHACL (the reference): shapes and ontology passed on every call."""

    name = "pyshacl"

    def __init__(self, shapes: Graph, ontology: Graph) -> None:
        self.shapes = shapes
        self.ontology = ontology

    def check(self, data: Graph) -> tuple[bool, Graph]:
        import pyshacl  # slow to import: only when this engine is used

        if not data.store.context_aware:  # the mapper's SimpleMemory graphs: pySHACL needs contexts
            copy = Graph()
            copy += data
            data = copy
        conforms, report, _text = pyshacl.validate(
            data,
            shacl_graph=self.shapes,
            ont_graph=self.ontology,
            inference="none",
            abort_on_first=False,
            allow_warnings=True,
            meta_shacl=False,
            advanced=False,
            inplace=False,
        )
        return bool(conforms), report


class TurboEngine:
    """pyshacl-turbo with the shapes compiled once (``CompiledShapes``); the data graph and
    the ontology reach the Rust engine as one N-Triples text (the ontology's written once)."""

    name = "turbo"

    def __init__(self, shapes: Graph, ontology: Graph) -> None:
        import pyshacl_turbo

        from kg.store.oxstore import nt_lines

        self._input = pyshacl_turbo.Input
        self._ontology = nt_lines(ontology)
        try:
            self._compiled: Any = pyshacl_turbo.compile_shapes(shapes)
        except Exception as exc:  # noqa: BLE001 - the engine's own error types vary
            raise DerekError("E401", f"the SHACL shapes do not compile: {exc}",
                             hint="check shapes/derek-shapes.ttl, or use --engine pyshacl") from exc

    def check(self, data: Graph) -> tuple[bool, Graph]:
        from kg.store.oxstore import graph_nt

        bnodes: dict[BNode, Any] = {}
        text = "\n".join([*graph_nt(data, bnodes), *self._ontology])
        labels = {ox.value: node for node, ox in bnodes.items()}
        conforms, report, _text = self._compiled.validate(
            self._input(text, "nt", None, labels, {}), allow_warnings=True, abort_on_first=False
        )
        return bool(conforms), report


ENGINES: dict[str, type[PyShaclEngine] | type[TurboEngine]] = {
    "pyshacl": PyShaclEngine,
    "turbo": TurboEngine,
}


@lru_cache(maxsize=8)
def engine(name: str = DEFAULT_ENGINE, shapes: Path | None = None,
           ontology: Path | None = None) -> Engine:
    """The engine ``name`` for these shapes and ontology, built once per process."""
    from kg.validate.shacl import ONTOLOGY_PATH, SHAPES_PATH, load_ontology, load_shapes

    if name not in ENGINES:
        raise DerekError("E402", f"unknown SHACL engine {name!r}",
                         hint="one of: " + ", ".join(sorted(ENGINES)))
    return ENGINES[name](load_shapes(shapes or SHAPES_PATH), load_ontology(ontology or ONTOLOGY_PATH))
