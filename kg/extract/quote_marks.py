"""Quotation marks and paragraphs: which closing mark ends which quotation.

Split from :mod:`kg.extract.quotes`, which finds the speech spans and their speakers.
"""

from __future__ import annotations


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end) spans.

    >>> paragraphs("Бір.\\n\\nЕкі үш.\\n")
    [(0, 4), (6, 13)]
    """
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            a = pos + len(line) - len(line.lstrip())
            out.append((a, pos + len(line.rstrip())))
        pos += len(line) + 1
    return out


def pair_quotes(text: str) -> dict[int, tuple[int, int]]:
    """Map each closing quotation mark to (its opener, the outermost opener still open).

    >>> t = "«Жоба «Ардагерлер» аясында», – деді"
    >>> sorted(pair_quotes(t).items())
    [(17, (6, 0)), (26, (0, 0))]

    A quotation may run over paragraphs without reopening: «… ¶ …», – деді X.

    >>> pair_quotes("«Бір.\\nЕкі», – деді.")
    {9: (0, 0)}
    """
    pairs: dict[int, tuple[int, int]] = {}
    stack: list[tuple[str, int]] = []
    carried: list[tuple[str, int]] = []  # a quotation left open by an earlier paragraph
    age = 0
    for ps, pe in paragraphs(text):
        skip = -1
        if stack and text[ps] in "«„“\"":
            skip = ps  # «… (new paragraph) «… continues the quotation
        else:
            if stack:
                carried, age = stack, 0
            age += 1
            if age > 3:
                carried = []
            stack = []
        for i in range(ps, pe):
            c = text[i]
            if i == skip or c not in "«»„“”\"":
                continue
            prev = text[i - 1] if i > ps else " "
            if c == "«" or c == "„" or (c == "“" and not any(o == "„" for o, _ in stack)):
                stack.append((c, i))
                continue
            if c == "\"" and (prev.isspace() or prev in "(«„“[") and '"' not in [o for o, _ in stack]:
                stack.append((c, i))
                continue
            want = {"»": "«", "“": "„", "”": "“„", "\"": "\""}[c]
            j = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] in want), None)
            if j is None and not stack and carried and carried[0][0] in want:
                pairs[i] = (carried[0][1], carried[0][1])  # «… ¶ … », – дейді X
                carried = []
                continue
            if j is None:
                continue
            pairs[i] = (stack[j][1], stack[0][1])
            del stack[j:]
    return pairs


def clause_end(text: str, i: int, limit: int = 250) -> int:
    n = min(len(text), i + limit)
    for j in range(i, n):
        c = text[j]
        if c == "\n" or c in "«„“":
            return j
        if c in ".!?…":
            if c == "." and j >= 1 and text[j - 1].isupper() and (j < 2 or not text[j - 2].isalpha()):
                continue  # an initial: «Б. Сапарбаев»
            return j
    return n


__all__ = ["clause_end", "pair_quotes", "paragraphs"]
