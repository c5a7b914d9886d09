"""Draw and export a graph from :func:`kg.viz.graph.to_networkx`.

* :func:`draw_png` — a static picture (matplotlib, Agg): Kazakh labels in a
  font with Cyrillic (DejaVu Sans), nodes coloured by kind, a legend, each
  connected component laid out on its own (Kamada–Kawai) and packed in rows,
  only the important nodes labelled when the graph is crowded.
* :func:`to_html` — an interactive page (pyvis / vis-network) with every
  script inlined, so it works offline.
* :func:`to_graphml` / :func:`to_graphml_bytes` — GraphML for Gephi, yEd, Cytoscape (string attributes).

>>> from kg.viz.graph import to_networkx, sample_store
>>> import tempfile, os, networkx as nx
>>> G = to_networkx(sample_store())
>>> d = tempfile.mkdtemp()
>>> to_graphml(G, os.path.join(d, "g.graphml")).stat().st_size > 0
True
>>> sorted(nx.read_graphml(os.path.join(d, "g.graphml")).nodes(data="kind"))[0][1]
'figure'
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

#: node colour by kind (colour-blind-safe Okabe–Ito palette)
KIND_COLOURS: dict[str, str] = {
    "person": "#0072B2",
    "organisation": "#E69F00",
    "project": "#009E73",
    "place": "#CC79A7",
    "figure": "#D55E00",
}
KIND_NAMES: dict[str, str] = {
    "person": "person (адам)",
    "organisation": "organisation (ұйым)",
    "project": "project (жоба)",
    "place": "place (жер)",
    "figure": "figure (сан)",
}
#: letters specific to Kazakh Cyrillic, which a label font must have
KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"


def cyrillic_font(candidates: Iterable[str] = ("DejaVu Sans", "Noto Sans", "Liberation Sans")) -> str:
    """The first installed font family that has every Kazakh Cyrillic letter.

    matplotlib ships DejaVu Sans, so this normally answers that.

    >>> cyrillic_font()
    'DejaVu Sans'
    """
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    for family in candidates:
        try:
            path = font_manager.findfont(
                font_manager.FontProperties(family=family), fallback_to_default=False
            )
        except ValueError:
            continue
        charmap = FT2Font(path).get_charmap()
        if all(ord(ch) in charmap for ch in KAZAKH_LETTERS + "Жеңіс"):
            return family
    raise RuntimeError("no font with Kazakh Cyrillic letters found (install fonts-dejavu-core)")


def _component_layout(H: nx.Graph) -> dict[Any, tuple[float, float]]:
    n = H.number_of_nodes()
    if n == 1:
        return {next(iter(H)): (0.0, 0.0)}
    if n == 2:
        a, b = list(H)
        return {a: (-0.5, 0.0), b: (0.5, 0.0)}
    if n <= 250:
        pos = nx.kamada_kawai_layout(H)
    else:
        pos = nx.spring_layout(H, k=1.5 / math.sqrt(n), iterations=200, seed=7)
    return {k: (float(v[0]), float(v[1])) for k, v in pos.items()}


def layout(G: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Positions: each connected component laid out alone, sized by its node count,
    then packed left to right in rows (largest first) — no hairball of islands.

    >>> pos = layout(nx.Graph([(1, 2), (2, 3), (4, 5)]))
    >>> sorted(pos) == [1, 2, 3, 4, 5]
    True
    """
    U = nx.Graph(G.to_undirected()) if G.is_directed() else nx.Graph(G)
    comps = sorted(nx.connected_components(U), key=lambda c: (-len(c), sorted(map(str, c))))
    boxes = []
    for comp in comps:
        pos = _component_layout(U.subgraph(comp))
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        size = max(1.0, math.sqrt(len(comp)))  # box side
        scaled = {
            k: ((x - min(xs)) / span * size, (y - min(ys)) / span * size) for k, (x, y) in pos.items()
        }
        boxes.append((size, scaled))
    total = sum((s + 1) ** 2 for s, _ in boxes)
    row_width = max(math.sqrt(total) * 1.4, boxes[0][0] + 1 if boxes else 1)
    result: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for size, scaled in boxes:
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y - row_height - 1.0, 0.0
        for k, (px, py) in scaled.items():
            result[k] = (x + px, y - size + py)
        x += size + 1.0
        row_height = max(row_height, size)
    return result


def _important(G: nx.MultiDiGraph, limit: int) -> set[Any]:
    """Nodes worth a label: all when few, else people and projects first, then by degree."""
    if G.number_of_nodes() <= limit:
        return set(G)
    rank = {"person": 0, "project": 1, "organisation": 2, "place": 3, "figure": 4}
    order = sorted(G, key=lambda n: (rank.get(G.nodes[n].get("kind", ""), 5), -G.degree(n)))
    return set(order[:limit])


def _wrap(text: str, width: int = 24) -> str:
    """Break long names over lines.

    >>> _wrap("«AMANAT» партиясы Солтүстік Қазақстан облыстық филиалы")
    '«AMANAT» партиясы\\nСолтүстік Қазақстан\\nоблыстық филиалы'
    """
    return "\n".join(textwrap.wrap(text, width)) or text


def display_label(data: dict[str, Any]) -> str:
    """A node's label for pictures; figures get their unit («369 · нысан»).

    >>> display_label({"kind": "figure", "label": "369", "unit": "нысан"})
    '369 · нысан'
    >>> display_label({"kind": "person", "label": "Жеңіс Асанов"})
    'Жеңіс Асанов'
    """
    label = str(data.get("label", ""))
    if data.get("kind") == "figure" and data.get("unit"):
        return f"{label} · {data['unit']}"
    return label


def draw_png(G: nx.MultiDiGraph, path: str | Path, title: str = "", label_limit: int = 60,
             dpi: int = 130, isolates: bool = False) -> Path:
    """Draw ``G`` to a PNG file and return its path.

    Unconnected nodes (entities named once and linked to nothing) are left out
    unless ``isolates`` is true; the title says how many.
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    out = Path(path)
    family = cyrillic_font()
    hidden = 0
    if not isolates and G.number_of_nodes() > 1:
        lonely = [v for v in G if G.degree(v) == 0]
        hidden = len(lonely)
        G = G.subgraph([v for v in G if G.degree(v) > 0])
    n = max(G.number_of_nodes(), 1)
    side = min(20.0, max(8.0, 2.4 * math.sqrt(n)))
    pos = layout(G) if G.number_of_nodes() else {}
    with plt.rc_context({"font.family": family, "font.size": 9}):
        fig, ax = plt.subplots(figsize=(side * 1.25, side))
        nx.draw_networkx_edges(G, pos, ax=ax, edge_color="#9a9a9a", width=0.9, arrows=True,
                               arrowsize=9, node_size=350, connectionstyle="arc3,rad=0.06")
        for kind, colour in KIND_COLOURS.items():
            nodes = [v for v, d in G.nodes(data=True) if d.get("kind") == kind]
            if not nodes:
                continue
            sizes = [220 + 90 * min(G.degree(v), 12) for v in nodes]
            nx.draw_networkx_nodes(G, pos, nodelist=nodes, node_color=colour, node_size=sizes,
                                   node_shape="s" if kind == "figure" else "o", ax=ax,
                                   edgecolors="white", linewidths=0.8, alpha=0.95)
        shown = _important(G, label_limit)
        for v in shown:
            x, y = pos[v]
            ax.annotate(_wrap(display_label(G.nodes[v])), (x, y), xytext=(0, 9),
                        textcoords="offset points", ha="center", va="bottom", fontsize=8,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                              "alpha": 0.75}, zorder=5)
        if G.number_of_nodes() <= 40:
            edge_labels = {(u, v): d["label"] for u, v, d in G.edges(data=True) if d.get("label")}
            nx.draw_networkx_edge_labels(G, pos, edge_labels=edge_labels, font_size=7,
                                         font_family=family, font_color="#555", ax=ax,
                                         bbox={"fc": "white", "ec": "none", "alpha": 0.7})
        kinds = {d.get("kind") for _, d in G.nodes(data=True)}
        handles = [
            Line2D([], [], marker="s" if k == "figure" else "o", linestyle="", markersize=9,
                   color=c, label=KIND_NAMES[k])
            for k, c in KIND_COLOURS.items() if k in kinds
        ]
        if handles:
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        caption = f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges"
        if hidden:
            caption += f" ({hidden} unconnected not shown)"
        ax.set_title(f"{title}\n{caption}" if title else caption)
        ax.margins(0.08)
        ax.set_axis_off()
        fig.tight_layout()
        fig.savefig(out, dpi=dpi)
        plt.close(fig)
    return out


def _title(data: dict[str, Any]) -> str:
    parts = [f"{data.get('label', '')} ({data.get('kind', '')})"]
    for key in ("value", "unit", "qualifier", "sentence"):
        if data.get(key):
            parts.append(f"{key}: {data[key]}")
    if data.get("articles"):
        parts.append("articles: " + ", ".join(data["articles"]))
    parts.append(str(data.get("iri", "")))
    return "\n".join(parts)


_CDN = re.compile(r"<(link|script)\b[^>]*(?:href|src)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?",
                  re.IGNORECASE)


def to_html(G: nx.MultiDiGraph, path: str | Path, height: str = "850px") -> Path:
    """An interactive page (pyvis) with vis-network inlined; no network access needed."""
    from pyvis.network import Network

    out = Path(path)
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line",
                  notebook=False)
    for v, d in G.nodes(data=True):
        kind = d.get("kind", "")
        net.add_node(str(v), label=display_label(d) or str(v), title=_title(d),
                     color=KIND_COLOURS.get(kind, "#888888"),
                     shape="box" if kind == "figure" else "dot",
                     size=12 + 3 * min(G.degree(v), 10), group=kind)
    for u, v, d in G.edges(data=True):
        net.add_edge(str(u), str(v), title=d.get("relation", ""), label=d.get("label", ""),
                     arrows="to", color="#999999")
    net.barnes_hut(gravity=-6000, spring_length=140, overlap=0.4)
    html = _CDN.sub("", net.generate_html(notebook=False))
    out.write_text(html, encoding="utf-8")
    return out


def rows_html(rows: list[dict[str, str]], columns: Iterable[str] | None = None) -> str:
    """Rows (column → text) as an HTML ``<table>`` (escaped), e.g. for a notebook.

    >>> rows_html([{"a": "<1>", "b": "қ"}])
    '<table><tr><th>a</th><th>b</th></tr><tr><td>&lt;1&gt;</td><td>қ</td></tr></table>'
    """
    from html import escape

    names = list(columns) if columns is not None else list(rows[0]) if rows else []
    head = "".join(f"<th>{escape(c)}</th>" for c in names)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(r.get(c, '')))}</td>" for c in names) + "</tr>"
        for r in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _string_attrs(data: dict[str, Any]) -> dict[str, str]:
    """Attributes as strings (lists joined with ``; ``), ``None`` dropped.

    >>> _string_attrs({"a": ["x", "y"], "b": None, "c": 3})
    {'a': 'x; y', 'c': '3'}
    """
    result = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, list | tuple | set):
            value = "; ".join(str(v) for v in value)
        result[str(key)] = str(value)
    return result


def _string_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    H.graph.update(_string_attrs(dict(G.graph)))
    for v, d in G.nodes(data=True):
        H.add_node(str(v), **_string_attrs(d))
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(str(u), str(v), key=str(k), **_string_attrs(d))
    return H


def to_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GraphML (every attribute a string) and return the path."""
    out = Path(path)
    nx.write_graphml(_string_graph(G), out, encoding="utf-8")
    return out


def to_graphml_bytes(G: nx.MultiDiGraph) -> bytes:
    """``G`` as GraphML bytes (UTF-8), for ``kg export --format graphml``.

    >>> to_graphml_bytes(nx.MultiDiGraph([("a", "b")])).startswith(b"<?xml")
    True
    """
    buffer = io.BytesIO()
    nx.write_graphml(_string_graph(G), buffer, encoding="utf-8")
    return buffer.getvalue()
