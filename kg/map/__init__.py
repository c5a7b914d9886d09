"""Map one article's :class:`~kg.model.Extraction` to RDF (``to_graph``)."""

from kg.map.mapper import to_graph

__all__ = ["to_graph"]
