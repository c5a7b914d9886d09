"""Where a build spends its time: a clock that sums wall seconds per named stage.

The build (:func:`kg.pipeline.build`) takes one and times its stages with it (read,
sentences, ner, rules, map, validate, store); ``benchmarks/build.py`` prints the shares.
Without one the build uses :data:`NO_CLOCK`, which costs nothing.

>>> clock = StageClock()
>>> with clock("rules"):
...     _ = sum(range(1000))
>>> list(clock.seconds)
['rules']
>>> clock.total() >= 0.0
True
>>> with NO_CLOCK("ner"):
...     pass
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

STAGES = ("read", "sentences", "ner", "rules", "map", "validate", "store")


class StageClock:
    """Sums ``time.perf_counter`` intervals per stage name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def _timed(self, stage: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - t0

    def __call__(self, stage: str) -> AbstractContextManager[None]:
        return self._timed(stage)

    def total(self) -> float:
        return sum(self.seconds.values())


class _NoClock(StageClock):
    def __call__(self, stage: str) -> AbstractContextManager[None]:
        return nullcontext()


#: the clock of a build nobody is timing
NO_CLOCK: StageClock = _NoClock()
