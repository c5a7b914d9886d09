"""kg.viz: networkx conversion, ego network, PNG, HTML, GraphML, figures table."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.viz import (
    cyrillic_font,
    draw_png,
    ego,
    figures_by_project_table,
    find_node,
    to_graphml,
    to_html,
    to_networkx,
)

DATA = Path(__file__).parent / "data" / "sample.trig"
ASANOV = "https://derek.kz/id/person/zhenis-asanov"
SKO = "https://derek.kz/id/organisation/amanat-sko"
AMANAT = "https://derek.kz/id/organisation/amanat"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    s.load(path=str(DATA), format=ox.RdfFormat.TRIG)
    return s


@pytest.fixture(scope="module")
def G(store: ox.Store) -> nx.MultiDiGraph:
    return to_networkx(store)


def test_nodes_have_kazakh_labels_and_kinds(G: nx.MultiDiGraph) -> None:
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    assert kinds == {"person", "organisation", "project", "place", "figure"}
    assert G.nodes[ASANOV]["label"] == "Жеңіс Асанов"  # @kk label, not the kk-Latn altLabel
    assert G.nodes[ASANOV]["articles"] == ["000_test"]
    assert G.nodes[AMANAT]["articles"] == ["000_test", "001_test"]
    assert G.nodes["https://derek.kz/id/place/almaty"]["kind"] == "place"


def test_edges(G: nx.MultiDiGraph) -> None:
    posts = [(u, v, d["label"]) for u, v, d in G.edges(data=True) if d["relation"] == "post"]
    assert (ASANOV, SKO, "атқарушы хатшысы") in posts
    saghyntaev = "https://derek.kz/id/person/baqytzhan-saghyntaev"
    assert (saghyntaev, "https://derek.kz/id/place/almaty", "әкімі") in posts
    assert len(posts) == 3  # org:holds and org:heldBy of one post give one edge
    assert G.has_edge(SKO, AMANAT)
    assert next(iter(G[SKO][AMANAT].values()))["relation"] == "sub_organisation_of"
    reported = [v for _, v, d in G.out_edges(ASANOV, data=True) if d["relation"] == "reported"]
    assert sorted(G.nodes[f]["value"] for f in reported) == ["369", "43"]
    about = [(G.nodes[u]["label"], G.nodes[v]["label"])
             for u, v, d in G.edges(data=True) if d["relation"] == "about_project"]
    assert ("25 мыңға жуық", "Іскер ана") in about


def test_figure_options(store: ox.Store) -> None:
    def figures(graph: nx.MultiDiGraph) -> int:
        return sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "figure")

    assert figures(to_networkx(store)) == 4  # the unlinked «2,5 есе» is left out
    assert figures(to_networkx(store, figures="all")) == 5
    assert figures(to_networkx(store, figures="none")) == 0


def test_other_sources(store: ox.Store, tmp_path: Path) -> None:
    import rdflib

    ds = rdflib.Dataset()
    ds.parse(DATA, format="trig")
    from_rdflib = to_networkx(ds)
    from_file = to_networkx(DATA)
    directory = tmp_path / "store"
    disk = ox.Store(str(directory))
    disk.load(path=str(DATA), format=ox.RdfFormat.TRIG)
    disk.flush()
    del disk
    from_dir = to_networkx(directory)
    expected = to_networkx(store)
    for other in (from_rdflib, from_file, from_dir):
        assert set(other.nodes) == set(expected.nodes)
        assert other.number_of_edges() == expected.number_of_edges()


def test_ego(G: nx.MultiDiGraph) -> None:
    E = ego(G, "Жеңіс Асанов")
    labels = {d["label"] for _, d in E.nodes(data=True)}
    assert {"Жеңіс Асанов", "369", "43%", "Кедергісіз келешек",
            "«AMANAT» партиясы Солтүстік Қазақстан облыстық филиалы"} <= labels
    assert "Ақмарал Басирова" not in labels
    assert E.graph["centre"] == ASANOV
    with pytest.raises(KeyError, match="known"):
        find_node(G, "Nobody", kind="person")


def test_draw_png_uses_a_cyrillic_font(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    import warnings

    assert cyrillic_font() == "DejaVu Sans"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font" would be a warning
        whole = draw_png(G, tmp_path / "graph.png")
        one = draw_png(ego(G, "Жеңіс Асанов"), tmp_path / "ego.png", title="Жеңіс Асанов")
    for png in (whole, one):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.stat().st_size > 10_000


def test_html_is_self_contained(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    html = to_html(G, tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "vis.Network" in html or "new vis" in html
    name = "Жеңіс Асанов"
    assert name in html or json.dumps(name)[1:-1] in html  # pyvis writes JSON with \\u escapes
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?://", html)
    assert len(html) > 200_000  # vis-network is inlined


def test_graphml_round_trip(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = to_graphml(G, tmp_path / "graph.graphml")
    H = nx.read_graphml(path)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    assert H.nodes[AMANAT]["articles"] == "000_test; 001_test"
    assert all(isinstance(v, str) for _, d in H.nodes(data=True) for v in d.values())
    assert 'attr.type="string"' in path.read_text(encoding="utf-8")
    assert 'attr.type="int"' not in path.read_text(encoding="utf-8")


def test_figures_by_project_table(store: ox.Store) -> None:
    rows = figures_by_project_table(store, query_file=None)
    assert {(r["articleId"], r["projectName"], r["value"], r["unit"]) for r in rows} == {
        ("000_test", "Кедергісіз келешек", "369", "нысан"),
        ("000_test", "Кедергісіз келешек", "92500000", "KZT"),
        ("001_test", "Іскер ана", "25000", "person"),
    }
    saved = figures_by_project_table(store)  # queries/figures-by-project.rq once it exists
    assert len(saved) == 3
    assert {"articleId", "projectName", "value", "unit", "figureText"} <= set(saved[0])
