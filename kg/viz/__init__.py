"""Pictures and exports of the graph: networkx, PNG, interactive HTML, GraphML.

``to_networkx`` reads a store (or a dataset, a store directory, an RDF file);
the rest work on the resulting :class:`networkx.MultiDiGraph`.

>>> from kg.viz import to_networkx, sample_store, ego
>>> G = to_networkx(sample_store())
>>> sorted(ego(G, "Жеңіс Асанов").nodes) == sorted(G.nodes)
True
"""

from __future__ import annotations

from kg.viz.draw import (
    KIND_COLOURS,
    cyrillic_font,
    draw_png,
    rows_html,
    to_graphml,
    to_graphml_bytes,
    to_html,
)
from kg.viz.graph import (
    ego,
    figures_by_project_table,
    find_node,
    open_store,
    reported_figures,
    sample_store,
    to_networkx,
    top_reporters,
)

__all__ = [
    "KIND_COLOURS",
    "cyrillic_font",
    "draw_png",
    "ego",
    "figures_by_project_table",
    "find_node",
    "open_store",
    "reported_figures",
    "rows_html",
    "sample_store",
    "to_graphml",
    "to_graphml_bytes",
    "to_html",
    "to_networkx",
    "top_reporters",
]
