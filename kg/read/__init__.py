"""Stage 1, read: files → :class:`~kg.model.Article` records, bad input skipped with a reason.

>>> from kg.read import read_inputs, body_spans
"""

from kg.read.checks import Problem
from kg.read.furniture import body_spans
from kg.read.sources import Skipped, read_inputs

__all__ = ["Problem", "Skipped", "body_spans", "read_inputs"]
