"""KazNERD IOB2 files → spaCy Docs tokenised the way :mod:`kg.nlp.lang` tokenises raw text.

KazNERD (IS2AI, CC BY 4.0) writes one ``token TAG`` per line and a blank line
between sentences, and splits decimals and times («92 , 5», «18 : 00»). Our
tokenizer keeps those whole, so :func:`merge_tokens` re-joins them (and
space-grouped thousands «1 572 800»), carrying the entity tags across the merge.
«43 %-ға» is already our scheme (see :mod:`kg.nlp.lang`).

>>> words, tags = merge_tokens(["бюджет", "92", ",", "5", "%-ға"], ["O", "B-PERCENTAGE", "I-PERCENTAGE", "I-PERCENTAGE", "I-PERCENTAGE"])
>>> words, tags
(['бюджет', '92,5', '%-ға'], ['O', 'B-PERCENTAGE', 'I-PERCENTAGE'])
>>> detokenize(["«", "AMANAT", "»", "партиясы", "43", "%-ға", ",", "92,5", "."])[0]
'«AMANAT» партиясы 43%-ға, 92,5.'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

LABELS: tuple[str, ...] = (
    "ADAGE", "ART", "CARDINAL", "CONTACT", "DATE", "DISEASE", "EVENT", "FACILITY", "GPE",
    "LANGUAGE", "LAW", "LOCATION", "MISCELLANEOUS", "MONEY", "NON_HUMAN", "NORP", "ORDINAL",
    "ORGANISATION", "PERCENTAGE", "PERSON", "POSITION", "PRODUCT", "PROJECT", "QUANTITY", "TIME",
)  # fmt: skip

_INT = re.compile(r"^\d+$")
_FRACTION = re.compile(r"^\d+(?:-[^\W\d_]+)?$")
_HEAD = re.compile(r"^\d{1,3}$")
_GROUP = re.compile(r"^\d{3}(?:-[^\W\d_]+)?$")
_TIME_H = re.compile(r"^\d{1,2}$")
_TIME_M = re.compile(r"^\d{2}(?:-[^\W\d_]+)?$")

#: tokens written without a space before them
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,:;!?)\]»”%]|%-.*|\.\.\.|…)$")
#: tokens written without a space after them
_NO_SPACE_AFTER = {"«", "(", "[", "„", "“"}


def read_iob(path: str | Path) -> Iterator[tuple[list[str], list[str]]]:
    """Yield ``(words, tags)`` per sentence of a KazNERD IOB2 file.

    >>> import tempfile, os
    >>> f = tempfile.NamedTemporaryFile("w", suffix=".iob", delete=False, encoding="utf-8")
    >>> _ = f.write("Жеңіс B-PERSON\\nАсанов I-PERSON\\n\\nИә O\\n"); f.close()
    >>> list(read_iob(f.name)); os.unlink(f.name)
    [(['Жеңіс', 'Асанов'], ['B-PERSON', 'I-PERSON']), (['Иә'], ['O'])]
    """
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            parts = line.rsplit(" ", 1)
            if len(parts) != 2 or not (parts[1] == "O" or parts[1][:2] in ("B-", "I-")):
                raise ValueError(f"{path}:{lineno}: expected 'token TAG', got {line!r}")
            words.append(parts[0])
            tags.append(parts[1])
    if words:
        yield words, tags


def _merged_tag(tags: list[str]) -> str:
    """One tag for a run of merged tokens: the first entity tag, B- if it starts there."""
    first = tags[0]
    if first != "O":
        return first
    inner = next((t for t in tags if t != "O"), "O")
    return "O" if inner == "O" else "B-" + inner[2:]


def _repair_iob(tags: list[str]) -> list[str]:
    """Turn an I-X that does not continue an X into B-X."""
    out: list[str] = []
    for tag in tags:
        if tag.startswith("I-") and (not out or out[-1] == "O" or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def _match_run(words: list[str], i: int) -> int:
    """How many tokens starting at ``i`` form one token of ours (1 = no merge)."""
    n = len(words)
    w = words[i]
    if _INT.match(w) and i + 2 < n and words[i + 1] in (",", ".") and _FRACTION.match(words[i + 2]):
        return 3  # 92 , 5 → 92,5
    if _TIME_H.match(w) and i + 2 < n and words[i + 1] == ":" and _TIME_M.match(words[i + 2]):
        return 3  # 18 : 00 → 18:00
    if _HEAD.match(w):
        j = i + 1
        while j < n and _GROUP.match(words[j]):
            j += 1
            if "-" in words[j - 1]:
                break
        if j > i + 1:
            return j - i  # 1 572 800 → «1 572 800»
    return 1


def merge_tokens(words: list[str], tags: list[str]) -> tuple[list[str], list[str]]:
    """Re-join KazNERD tokens to our tokenisation; see the module docstring.

    >>> merge_tokens(["1", "572", "800", "теңге"], ["B-MONEY"] * 3 + ["I-MONEY"])
    (['1 572 800', 'теңге'], ['B-MONEY', 'I-MONEY'])
    """
    if len(words) != len(tags):
        raise ValueError(f"{len(words)} words but {len(tags)} tags")
    out_w: list[str] = []
    out_t: list[str] = []
    i = 0
    while i < len(words):
        k = _match_run(words, i)
        if k == 1:
            out_w.append(words[i])
            out_t.append(tags[i])
        else:
            sep = " " if words[i + 1] not in (",", ".", ":") else ""
            out_w.append(sep.join(words[i : i + k]))
            out_t.append(_merged_tag(tags[i : i + k]))
        i += k
    return out_w, _repair_iob(out_t)


def detokenize(words: list[str]) -> tuple[str, list[bool]]:
    """Plausible raw text for a token list, and spaCy's ``spaces`` for it."""
    spaces = [True] * len(words)
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is None or w in _NO_SPACE_AFTER or _NO_SPACE_BEFORE.match(nxt):
            spaces[i] = False
        elif w in ("»", "”") and nxt.startswith("-") and len(nxt) > 1:
            spaces[i] = False  # «AlmaU»-дың
    text = "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True))
    return text, spaces


def to_doc(vocab: Vocab, words: list[str], tags: list[str]) -> Doc:
    """A Doc with entities from one KazNERD sentence (already merged or not).

    >>> from spacy.vocab import Vocab
    >>> doc = to_doc(Vocab(), *merge_tokens(["Жеңіс", "Асанов", "."], ["B-PERSON", "I-PERSON", "O"]))
    >>> doc.text, [(e.text, e.label_) for e in doc.ents]
    ('Жеңіс Асанов.', [('Жеңіс Асанов', 'PERSON')])
    """
    _, spaces = detokenize(words)
    return Doc(vocab, words=words, spaces=spaces, ents=tags)


def read_docs(path: str | Path, vocab: Vocab | None = None) -> Iterator[Doc]:
    """All sentences of a KazNERD file as Docs in our tokenisation."""
    vocab = vocab or Vocab()
    for words, tags in read_iob(path):
        yield to_doc(vocab, *merge_tokens(words, tags))


def convert(src: str | Path, dest: str | Path) -> int:
    """Write a KazNERD IOB2 file as a spaCy DocBin (``.spacy``); returns the sentence count."""
    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for doc in read_docs(src):
        db.add(doc)
    Path(dest).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(dest)
    return len(db)


__all__ = ["LABELS", "read_iob", "merge_tokens", "detokenize", "to_doc", "read_docs", "convert"]
