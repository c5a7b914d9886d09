"""The embedded RDF store: one named graph per article, over pyoxigraph."""

from kg.store.bulk import LoadReport, load_files
from kg.store.oxstore import DEFAULT_PATH, EXPORT_FORMATS, Store, to_oxigraph

__all__ = ["DEFAULT_PATH", "EXPORT_FORMATS", "LoadReport", "Store", "load_files", "to_oxigraph"]
