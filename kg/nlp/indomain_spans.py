"""Gold names found in a sentence's tokens, and token spans as BIO tags.

Split from :mod:`kg.nlp.indomain` (which builds the in-domain training data): a name with
its last word inflected (:func:`match_name`), a person in its written forms, a gold
figure's span, spans placed in order of authority and written as BIO tags
(:func:`to_bio`), and KazNERD's POSITION spans brought to our scheme
(:func:`split_positions`).
"""

from __future__ import annotations

import re
from typing import Any

Span = tuple[int, int, str]  # token start, token end (exclusive), label


def _stem(word: str) -> str:
    """The part of a nominative word every case form starts with («басқармасы» → «басқармас»)."""
    w = word.casefold()
    if len(w) > 4 and w[-1] in "ыі":
        return w[:-1]
    return w


def _inflected(token: str, word: str) -> bool:
    """``token`` is ``word`` with a case ending (or as is): «басқармасының» ~ «басқармасы»."""
    t, w = token.casefold(), word.casefold()
    if t == w:
        return True
    stem = _stem(word)
    return t.startswith(stem) and len(t) - len(stem) <= 7 and bool(
        re.fullmatch(r"-?[^\W\d_]*", t[len(stem):]))


def match_name(tokens: list[str], words: list[str]) -> list[tuple[int, int]]:
    """Token spans of ``tokens`` that are the name ``words`` with its last word inflected."""
    n = len(words)
    out = []
    if not n:
        return out
    for i in range(len(tokens) - n + 1):
        if all(tokens[i + k].casefold() == words[k].casefold() for k in range(n - 1)) and \
                _inflected(tokens[i + n - 1], words[-1]):
            out.append((i, i + n))
    return out


def _person_spans(tokens: list[str], name: str) -> list[tuple[int, int]]:
    """«Ерлан Сапарбеков», «Сапарбеков Ерлан», «Е.Сапарбековтың», «Сапарбековке»."""
    parts = name.split()
    if not parts:
        return []
    given, surname = (parts[0], parts[-1]) if len(parts) > 1 else (None, parts[0])
    out: list[tuple[int, int]] = []
    taken: set[int] = set()

    def patronymic(k: int) -> bool:
        return k < len(tokens) and bool(re.search(r"(ұлы|қызы|ович|овна|евич|евна)\w{0,6}$",
                                                  tokens[k]))

    def sur(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k][:1].isupper() and _inflected(tokens[k], surname)

    for i, tok in enumerate(tokens):
        if i in taken:
            continue
        span = None
        if given and tok == given:
            if sur(i + 1):
                span = (i, i + 2 + patronymic(i + 2))
            elif patronymic(i + 1) and sur(i + 2):
                span = (i, i + 3)
        elif sur(i):
            if given and i + 1 < len(tokens) and tokens[i + 1] == given:
                span = (i, i + 2 + patronymic(i + 2))
            elif i > 0 and re.fullmatch(r"[А-ЯӘҒҚҢӨҰҮІЁA-Z]\.", tokens[i - 1]) and (
                    not given or tokens[i - 1][0] == given[0]):
                span = (i - 1, i + 1)
            else:
                span = (i, i + 1)
        if span:
            out.append(span)
            taken.update(range(*span))
    return out


def _tokens_of(nlp: Any, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


def _figure_label(fig: dict[str, Any]) -> str:
    unit = str(fig.get("unit") or "").casefold()
    if "теңге" in unit or "kzt" in unit or "доллар" in unit or "usd" in unit:
        return "MONEY"
    if "%" in unit or "пайыз" in unit or "percent" in unit:
        return "PERCENTAGE"
    return "CARDINAL"


_NUMERIC = re.compile(r"^(?:[\d.,%+–-]+\S*|мың\w*|млн\w*|млрд\w*|миллион\w*|миллиард\w*|"
                      r"астам|жуық|дейін|шамасында|шамамен|бір|екі|үш|төрт|бес|алты|жеті|сегіз|"
                      r"тоғыз|он|жиырма|отыз|қырық|елу|алпыс|жетпіс|сексен|тоқсан|жүз\w*)$", re.I)


def _figure_span(tokens: list[str], fig_tokens: list[str], label: str) -> tuple[int, int] | None:
    """Where the gold figure's text is; a CARDINAL keeps its number words only."""
    n = len(fig_tokens)
    for i in range(len(tokens) - n + 1):
        if tokens[i:i + n] == fig_tokens:
            end = i + n
            if label == "CARDINAL":
                end = i
                while end < i + n and _NUMERIC.match(tokens[end]):
                    end += 1
            return (i, end) if end > i else None
    return None


def _place(spans: list[Span], new: Span) -> bool:
    """Add ``new`` unless it overlaps a span already placed (earlier = more authority)."""
    if any(s < new[1] and new[0] < e for s, e, _ in spans):
        return False
    spans.append(new)
    return True


def to_bio(n: int, spans: list[Span]) -> list[str]:
    """BIO tags of ``n`` tokens from non-overlapping spans.

    >>> to_bio(4, [(1, 3, "ORGANISATION")])
    ['O', 'B-ORGANISATION', 'I-ORGANISATION', 'O']
    """
    tags = ["O"] * n
    for s, e, label in spans:
        tags[s] = f"B-{label}"
        for k in range(s + 1, e):
            tags[k] = f"I-{label}"
    return tags


def split_positions(words: list[str], tags: list[str]) -> list[str]:
    """Our scheme on KazNERD: a POSITION span that holds an organisation head («Ақтөбе қалалық
    … бөлімінің бас маманы») becomes ORGANISATION up to the head and POSITION after it."""
    from kg.normalise.org_words import head_of

    out = list(tags)
    i = 0
    while i < len(tags):
        if tags[i] != "B-POSITION":
            i += 1
            continue
        j = i + 1
        while j < len(tags) and tags[j] == "I-POSITION":
            j += 1
        heads = [k for k in range(i, j - 1) if head_of(words[k]) is not None]
        if heads:
            h = heads[-1]
            out[i:h + 1] = ["B-ORGANISATION"] + ["I-ORGANISATION"] * (h - i)
            out[h + 1:j] = ["B-POSITION"] + ["I-POSITION"] * (j - h - 2)
        i = j
    return out
