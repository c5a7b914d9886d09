"""The default SHACL engine (pyshacl-turbo, compiled shapes) against pySHACL, the reference.

Same verdict and the same messages on every shape fixture, on the seeds' graphs and on
damaged copies of them (triples dropped, literals retyped), so swapping the engine did
not change what the gate lets into the store. ``benchmarks/validate.py`` does the same
over every article set and times both.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from kg.map import to_graph
from kg.pipeline import extract
from kg.read import read_inputs
from kg.validate import validate

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "tests" / "data" / "shapes"


def both(graph: Graph) -> tuple:
    fast, ref = validate(graph, engine="turbo"), validate(graph, engine="pyshacl")
    return (fast.conforms, fast.messages), (ref.conforms, ref.messages)


@pytest.mark.parametrize("name", sorted(p.name for p in SHAPES.glob("*-*.ttl")))
def test_same_on_every_shape_fixture(name: str) -> None:
    g = Graph().parse(SHAPES / "common.ttl").parse(SHAPES / name)
    fast, ref = both(g)
    assert fast == ref
    assert fast[0] == name.endswith("-ok.ttl")


@pytest.fixture(scope="module")
def seed_graphs() -> list[Graph]:
    articles = [a for a in read_inputs([ROOT / "seeds"]) if hasattr(a, "text")]
    assert len(articles) == 5
    return [to_graph(extract(a, None)) for a in articles]


def test_same_on_the_seeds(seed_graphs: list[Graph]) -> None:
    for g in seed_graphs:
        fast, ref = both(g)
        assert fast == ref == (True, [])


def damaged(graph: Graph, rng: random.Random) -> Graph:
    """A copy with a few triples dropped and a few literals given the wrong datatype."""
    triples = sorted(graph, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    out = Graph()
    drop = set(rng.sample(range(len(triples)), 6))
    retype = set(rng.sample(range(len(triples)), 12)) - drop
    for i, (s, p, o) in enumerate(triples):
        if i in drop:
            continue
        if i in retype and isinstance(o, Literal):
            o = Literal(str(o))  # plain string: loses its language tag or datatype
        out.add((s, p, o))
    return out


def test_same_on_damaged_article_graphs(seed_graphs: list[Graph]) -> None:
    rng = random.Random(13)
    failing = 0
    for g in seed_graphs:
        for _ in range(3):
            bad = damaged(g, rng)
            fast, ref = both(bad)
            assert fast == ref
            failing += not fast[0]
    assert failing >= 10  # the damage is real: most copies must fail the gate


def test_unknown_engine_is_a_coded_error(seed_graphs: list[Graph]) -> None:
    from kg.errors import DerekError

    with pytest.raises(DerekError) as err:
        validate(seed_graphs[0], engine="jena")
    assert err.value.code == "E402"
