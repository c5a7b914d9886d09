"""Link each figure to the project its own sentence names (spec §2, last bullet).

A figure belongs to a project only when the figure's sentence names the
project («"Ардагерлерді ардақтайық" жобасы аясында 5 мыңнан астам ардагерге…»);
«Жоба аясында» pointing back to an earlier sentence does not count. When a
sentence names several projects, the nearest one before the figure wins, else
the nearest one after it.

>>> from decimal import Decimal
>>> from kg.model import Figure, Mention, Project, Sentence
>>> text = "«Іскер ана» жобасы аясында 888 адам грант алды. Жоба аясында 5 адам."
>>> s = [Sentence(0, 47, index=0), Sentence(48, len(text), index=1)]
>>> p = Project("iskerana", "Іскер ана", mentions=[Mention(1, 10, "Іскер ана", "PROJECT")])
>>> f = [Figure(27, 30, "888", Decimal(888), "person", sentence_index=0),
...      Figure(61, 62, "5", Decimal(5), "person", sentence_index=1)]
>>> link_projects(f, [p], s)
>>> [x.project_key for x in f]
['iskerana', None]
"""

from __future__ import annotations

from kg.model import Figure, Project, Sentence


def link_projects(figures: list[Figure], projects: list[Project], sentences: list[Sentence]) -> None:
    """Set ``project_key`` on figures whose sentence names a project."""
    by_index = {s.index: s for s in sentences}
    for fig in figures:
        sent = by_index.get(fig.sentence_index)
        if sent is None:
            continue
        before: list[tuple[int, str]] = []
        after: list[tuple[int, str]] = []
        for proj in projects:
            for m in proj.mentions:
                if sent.start <= m.start and m.end <= sent.end:
                    if m.end <= fig.start:
                        before.append((fig.start - m.end, proj.key))
                    elif m.start >= fig.end:
                        after.append((m.start - fig.end, proj.key))
        if before:
            fig.project_key = min(before)[1]
        elif after:
            fig.project_key = min(after)[1]
