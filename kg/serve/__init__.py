"""A read-only SPARQL 1.1 Protocol endpoint over the embedded store (``kg serve``).

Standard library only (``wsgiref`` + a threading server); each query runs in a
child process that opens the store read-only and is killed at the deadline.

>>> from kg.serve import make_app, serve
>>> callable(make_app) and callable(serve)
True
"""

from __future__ import annotations

from kg.serve.app import SparqlApp, make_app, make_http_server, serve

__all__ = ["SparqlApp", "make_app", "make_http_server", "serve"]
