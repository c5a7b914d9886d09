"""kg.iri: one base, valid IRIs whatever the key, stable person nodes."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg import iri
from kg.errors import DerekError

BASE = "https://derek.kz/"
# RFC 3987 excludes these from IRIs (besides controls, which percent-encoding removes)
_BAD = re.compile(r'[\s<>"{}|\\^`\x00-\x1f\x7f]')

NASTY = ['"quoted"', "«AMANAT»", "a/b/../c", "with space", "line\nbreak", "😀 emoji",
         "", ".", "..", "#frag?q=1", "%41", "тест", "\u200b", "a\tb\rc"]


def is_valid(value: str) -> bool:
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return not _BAD.search(value)


def test_default_base(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(iri.ENV_VAR, raising=False)
    assert str(iri.person("x")) == "https://derek.kz/id/person/x"


def test_base_from_env_and_parameter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(iri.ENV_VAR, "https://news.kz/kg")
    assert str(iri.person("x")) == "https://news.kz/kg/id/person/x"
    assert str(iri.person("x", base="http://other.kz/")) == "http://other.kz/id/person/x"


@pytest.mark.parametrize("bad", ["not an iri", "derek", "http://x y/"])
def test_invalid_base_is_a_derek_error(bad: str) -> None:
    with pytest.raises(DerekError) as err:
        iri.base_iri(bad)
    assert err.value.code == "E101"


@pytest.mark.parametrize("key", NASTY)
def test_every_minted_iri_is_valid(key: str) -> None:
    minted = [
        iri.article(key, BASE), iri.graph(key, BASE), iri.person(key, BASE),
        iri.organisation(key, BASE), iri.place(key, BASE), iri.project(key, BASE),
        iri.role(key, BASE), iri.text_context(key, BASE), iri.sentence(key, 0, 5, BASE),
        iri.figure(key, 3, 9, BASE), iri.quote_node(key, 1, 2, BASE),
        iri.post(key, key, key, key, BASE),
    ]
    for value in minted:
        assert is_valid(str(value)), value
        assert str(value).startswith(BASE)


@given(st.text())
def test_any_text_gives_a_valid_single_segment(text: str) -> None:
    seg = iri.segment(text)
    assert "/" not in seg and "#" not in seg and "?" not in seg
    assert seg not in ("", ".", "..")
    assert is_valid(BASE + "id/person/" + seg)


@given(st.text(min_size=1))
def test_graph_name_round_trips_to_article_id(article_id: str) -> None:
    assert iri.article_id_of_graph(str(iri.graph(article_id, BASE)), BASE) == article_id


def test_distinct_ids_give_distinct_nodes() -> None:
    ids = ["a_b", "a-b", "a b", "a/b", "a%2Fb"]
    assert len({iri.article(i, BASE) for i in ids}) == len(ids)


def test_same_person_key_same_node_article_scoped_nodes_differ() -> None:
    assert iri.person("zhenis-asanov", BASE) == iri.person("zhenis-asanov", BASE)
    assert iri.figure("a1", 3, 9, BASE) != iri.figure("a2", 3, 9, BASE)
    assert "/article/a1/" in str(iri.figure("a1", 3, 9, BASE))
    assert "/article/a1/" in str(iri.sentence("a1", 0, 9, BASE))
    assert "/article/a1/" in str(iri.post("a1", "p", "әкімі", None, BASE))


def test_post_includes_title_and_organisation() -> None:
    with_org = iri.post("a1", "p", "атқарушы хатшысы", "amanat", BASE)
    assert str(with_org) == "https://derek.kz/id/article/a1/post/p/atqarusy-hatsysy/amanat"
    assert iri.post("a1", "p", "атқарушы хатшысы", None, BASE) != with_org


def test_other_graphs_are_not_articles() -> None:
    assert iri.article_id_of_graph("https://elsewhere.kz/graph/a", BASE) is None
    assert iri.article_id_of_graph(BASE + "graph/a/b", BASE) is None
