"""Vocabulary pruning: keep the pieces Kazakh/Russian/English news actually use.

The XLM-R vocabulary has 250k pieces, so the word embedding is 96M of the model's 117M parameters.
We tokenise reference text with the full tokenizer, keep every piece that occurs, the special
tokens, and every single-character piece (bare or with the leading ``▁``) of Cyrillic, Latin,
digits and punctuation, so any such string still tokenises without ``<unk>``.  The Unigram model
keeps the original scores; the embedding rows are gathered in the same order.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from kg.encoder.reader import E5File
from kg.encoder.tokenizer import META, SPECIALS
from kg.paths import KAZNERD, RAW_KK

RAW_DIR = RAW_KK
KAZNERD_DIR = KAZNERD
E5_PREFIXES = ("query: ", "passage: ")  # always kept, so pruned models still embed like e5


def read_iob_sentences(path: str | Path) -> list[list[str]]:
    """Token lists of an IOB file (``token TAG`` per line, blank line between sentences)."""
    sents: list[list[str]] = []
    cur: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
            cur = []
        else:
            cur.append(parts[0])
    if cur:
        sents.append(cur)
    return sents


def corpus_texts(raw_dir: Path = RAW_DIR, kaznerd_train: Path | None = None) -> Iterator[str]:
    """The e5 prefixes, lines of ``raw_dir/*.txt`` and the joined sentences of KazNERD train."""
    yield from E5_PREFIXES
    for path in sorted(Path(raw_dir).glob("*.txt")):
        with path.open(encoding="utf-8") as fh:
            yield from (line.strip() for line in fh if line.strip())
    train = kaznerd_train if kaznerd_train is not None else KAZNERD_DIR / "train.iob"
    if Path(train).is_file():
        yield from (" ".join(s) for s in read_iob_sentences(train))


def count_pieces(tok: Tokenizer, texts: Iterable[str], batch: int = 4096) -> Counter[int]:
    """Occurrences of every piece id when ``texts`` are tokenised."""
    counts: Counter[int] = Counter()
    buf: list[str] = []
    for text in texts:
        buf.append(text)
        if len(buf) == batch:
            for enc in tok.encode_batch(buf, add_special_tokens=False):
                counts.update(enc.ids)
            buf = []
    for enc in tok.encode_batch(buf, add_special_tokens=False):
        counts.update(enc.ids)
    return counts


def is_basic_char(ch: str) -> bool:
    """Cyrillic, Latin, a digit, or punctuation/common symbol."""
    cp = ord(ch)
    if 0x0400 <= cp <= 0x052F:  # Cyrillic + supplement (Kazakh letters)
        return True
    cat = unicodedata.category(ch)
    if cat == "Nd" or cat.startswith("P"):
        return True
    if cat.startswith("S") and (cp < 0x0100 or 0x2000 <= cp <= 0x20CF or ch == "№"):
        return True
    return cat.startswith("L") and "LATIN" in unicodedata.name(ch, "")


def single_char_ids(pieces: list[str]) -> list[int]:
    """Ids of pieces that are one basic character, optionally preceded by ``▁``."""
    keep = []
    for i, p in enumerate(pieces):
        body = p[1:] if p.startswith(META) else p
        if p == META or (len(body) == 1 and is_basic_char(body)):
            keep.append(i)
    return keep


@dataclass
class PrunedVocab:
    """Result of :func:`prune_vocab`: new vocabulary and the old id of every new id."""

    vocab: list[tuple[str, float]]
    old_ids: np.ndarray

    @property
    def size(self) -> int:
        """Number of pieces kept."""
        return len(self.vocab)


def prune_vocab(f: E5File, counts: Counter[int], min_count: int = 1) -> PrunedVocab:
    """Keep specials, pieces seen ``>= min_count`` times and the basic single characters.

    Old ids keep their relative order, so ``<s> <pad> </s> <unk>`` stay 0..3.
    """
    specials = {i for i, p in enumerate(f.pieces) if p in SPECIALS.values()}
    seen = {i for i, c in counts.items() if c >= min_count}
    keep = sorted(specials | seen | set(single_char_ids(f.pieces)))
    old_ids = np.asarray(keep, dtype=np.int64)
    vocab = [(f.pieces[i], float(f.scores[i])) for i in keep]
    return PrunedVocab(vocab, old_ids)
