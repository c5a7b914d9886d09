"""The KazNERD paper's CRF baseline, re-created with sklearn-crfsuite.

Yeshpanov et al. (2022), "KazNERD: Kazakh Named Entity Recognition Dataset": a linear
chain CRF on hand-made word features, trained with L-BFGS and elastic-net
regularisation. The recipe here: lowercased word, suffixes of length 2–5 (Kazakh is
agglutinative, so 5 as well as the usual 2–4), a 3-character prefix, isupper / istitle /
isdigit, has-hyphen and a compressed word shape, the same for the ±1 and ±2 neighbours,
and BOS/EOS markers; ``lbfgs``, ``c1 = c2 = 0.1``, ``max_iterations = 100``,
``all_possible_transitions = True``.

>>> f = word2features(["Жеңіс", "Асанов", "."], 0)
>>> f["word.lower"], f["suffix3"], f["shape"], f["BOS"], f["+1:word.lower"]
('жеңіс', 'ңіс', 'Xx', True, 'асанов')
>>> word_shape("92,5-ке")
'd,d-x'
"""

from __future__ import annotations

from collections.abc import Sequence

C1 = 0.1
C2 = 0.1
MAX_ITER = 100

def word_shape(word: str) -> str:
    """Character classes with repeats collapsed: X upper, x lower, d digit, else the char."""
    out: list[str] = []
    for ch in word:
        if ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = "X" if ch.isupper() else "x"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _word_feats(word: str, prefix: str) -> dict[str, object]:
    low = word.lower()
    return {
        prefix + "word.lower": low,
        prefix + "suffix2": low[-2:],
        prefix + "suffix3": low[-3:],
        prefix + "suffix4": low[-4:],
        prefix + "suffix5": low[-5:],
        prefix + "prefix3": low[:3],
        prefix + "isupper": word.isupper(),
        prefix + "istitle": word.istitle(),
        prefix + "isdigit": word.isdigit(),
        prefix + "hyphen": "-" in word,
        prefix + "shape": word_shape(word),
    }


def word2features(words: Sequence[str], i: int) -> dict[str, object]:
    """Features of token ``i``: its own, the ±1/±2 neighbours', BOS/EOS."""
    feats: dict[str, object] = {"bias": 1.0}
    feats.update(_word_feats(words[i], ""))
    n = len(words)
    for off in (-2, -1, 1, 2):
        j = i + off
        if 0 <= j < n:
            feats.update(_word_feats(words[j], f"{off:+d}:"))
    if i == 0:
        feats["BOS"] = True
    if i == n - 1:
        feats["EOS"] = True
    return feats


def sent2features(words: Sequence[str]) -> list[dict[str, object]]:
    return [word2features(words, i) for i in range(len(words))]


def make_crf(max_iter: int = MAX_ITER, c1: float = C1, c2: float = C2):
    """An untrained ``sklearn_crfsuite.CRF`` with the paper's settings."""
    import sklearn_crfsuite

    return sklearn_crfsuite.CRF(
        algorithm="lbfgs",
        c1=c1,
        c2=c2,
        max_iterations=max_iter,
        all_possible_transitions=True,
    )


def train(sentences: Sequence[tuple[list[str], list[str]]], max_iter: int = MAX_ITER):
    """Fit a CRF on ``(words, tags)`` sentences; returns the fitted model."""
    crf = make_crf(max_iter=max_iter)
    X = [sent2features(w) for w, _ in sentences]
    y = [list(t) for _, t in sentences]
    crf.fit(X, y)
    return crf


def tag(crf, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """IOB tags for pre-split sentences (feature extraction included)."""
    return [list(t) for t in crf.predict([sent2features(w) for w in sentences])]


__all__ = ["C1", "C2", "MAX_ITER", "word_shape", "word2features", "sent2features",
           "make_crf", "train", "tag"]  # fmt: skip
