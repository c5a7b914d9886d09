"""Derek's one exception type: an error code, a message and a hint.

Every failure a user can act on is raised as :class:`DerekError` so the CLI can
print ``E201: … (hint: …)`` and exit with a non-zero status instead of a
traceback. Codes are grouped by stage:

===== ==========================================================
E1xx  mapping an :class:`~kg.model.Extraction` to RDF
E2xx  the embedded store (open, lock, corrupt, write)
E3xx  queries (unknown saved query, syntax, updates refused)
E4xx  SHACL validation (shapes or ontology cannot be loaded)
E5xx  export formats
===== ==========================================================

>>> err = DerekError("E201", "cannot open store 'kg-store'", hint="is another kg running?")
>>> str(err)
"E201: cannot open store 'kg-store' (hint: is another kg running?)"
>>> err.code
'E201'
"""

from __future__ import annotations


class DerekError(Exception):
    """An error with a stable ``code``, a human ``message`` and an optional ``hint``."""

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        self.code = code
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.code}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text

    def __reduce__(self) -> tuple[type[DerekError], tuple[str, str, str]]:
        return (type(self), (self.code, self.message, self.hint))
