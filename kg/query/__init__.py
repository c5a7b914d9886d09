"""Saved and ad-hoc SPARQL queries over the store, and result formatters."""

from kg.query.results import FORMATS, Rows, format_rows
from kg.query.saved import QUERIES_DIR, SavedQuery, list_saved, load_saved, run_saved
from kg.query.sparql import looks_like_update, run_sparql

__all__ = [
    "FORMATS",
    "QUERIES_DIR",
    "Rows",
    "SAVED_FOR_EVALUATION",
    "SavedQuery",
    "format_rows",
    "list_saved",
    "load_saved",
    "looks_like_update",
    "run_saved",
    "run_sparql",
]

#: the saved queries ``kg evaluate`` scores (spec §4–5)
SAVED_FOR_EVALUATION: tuple[str, ...] = (
    "people",
    "organisations",
    "projects",
    "who-reported-figures",
    "figures-by-project",
)
