"""The nlp stage: Kazakh tokenisation, sentence splitting and NER.

- :mod:`kg.nlp.lang`: the ``kk`` spaCy language (``spacy.blank("kk")``);
- :mod:`kg.nlp.sentences`: :func:`split_sentences`, rule based, with offsets;
- :mod:`kg.nlp.kaznerd`: KazNERD IOB2 → spaCy Docs in our tokenisation;
- :mod:`kg.nlp.train`: ``python -m kg.nlp.train`` trains ``models/ner-fast``;
- :mod:`kg.nlp.trf_ner`, :mod:`kg.nlp.train_trf`: the transformer NER component and its
  training (``python -m kg.nlp.train_trf`` writes ``models/ner-trf``).

:func:`load_pipeline` is a contract (external evaluation calls it): it returns a
spaCy pipeline tagging KazNERD's labels, loaded from ``models/ner-trf`` (the
transformer; ``fast=True``: the CNN in ``models/ner-fast``) unless a path or
``$DEREK_MODEL`` says otherwise; nothing is loaded at import time.

>>> from kg.model import Sentence
>>> import spacy
>>> nlp = spacy.blank("kk")
>>> tag_sentences(nlp, "Иә. Жоқ.", [Sentence(0, 3), Sentence(4, 8, index=1)])
[]
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg import ROOT
from kg.model import Mention, Sentence
from kg.nlp.sentences import split_sentences

if TYPE_CHECKING:
    from spacy.language import Language

# OpenMP threads that wait sleep instead of spinning: the build runs the rules, mapping,
# SHACL and store writes on the main thread while torch tags the next batch, and spinning
# torch threads take the cores those stages need (benchmarks/build.py: end to end 0.59 →
# 0.73 of the NER-only words/s on 2 cores; NER alone unchanged). Read when torch loads,
# so it is set before any import of torch; a value the user set is kept.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

#: the transformer pipeline (e5-small encoder, :mod:`kg.nlp.trf_ner`): the default
TRF_MODEL = ROOT / "models" / "ner-trf"
#: the small CNN pipeline (``--fast``)
FAST_MODEL = ROOT / "models" / "ner-fast"
#: Sentences per ``nlp.pipe`` call: the transformer groups them by length inside a call, so
#: bigger calls pad less (KazNERD dev, 2 threads: 64 → 948, 256 → 1,261 words/s).
PIPE_BATCH = 256
DEFAULT_MODEL = TRF_MODEL if (TRF_MODEL / "config.cfg").is_file() else FAST_MODEL


def model_path(path: str | Path | None = None, fast: bool = False) -> Path:
    """``path``, else ``$DEREK_MODEL``, else the repository's ``models/ner-trf``
    (``models/ner-fast`` with ``fast``).

    >>> model_path("/tmp/m")
    PosixPath('/tmp/m')
    >>> model_path(fast=True).name
    'ner-fast'
    """
    if path is None:
        path = FAST_MODEL if fast else os.environ.get("DEREK_MODEL") or DEFAULT_MODEL
    return Path(path).expanduser().resolve()


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> Language:
    import spacy

    import kg.nlp.lang  # noqa: F401  (registers the "kk" language and its tokenizer)
    import kg.nlp.ner_rules  # noqa: F401  (registers "derek_ner_rules")
    import kg.nlp.trf_ner  # noqa: F401  (registers the "derek_trf_ner" factory)

    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(
            f"no spaCy pipeline at {path}: train one with "
            "`python -m kg.nlp.train --out models/ner-fast` or set DEREK_MODEL"
        )
    return spacy.load(path)


def load_pipeline(path: str | Path | None = None, fast: bool = False) -> Language:
    """The NER pipeline from disk, cached per path (see :func:`model_path`).

    Tags raw text (``nlp("…")``) and pre-split Docs
    (``nlp(Doc(nlp.vocab, words=[…]))``) with KazNERD's labels.
    """
    return _load(model_path(path, fast))


def tag_sentences(nlp: Language, text: str, sentences: Sequence[Sentence]) -> list[Mention]:
    """NER over ``sentences`` of ``text`` (batched with ``nlp.pipe``).

    Returns mentions with offsets into the whole ``text`` and ``source="ner"``.
    """
    mentions: list[Mention] = []
    texts = (text[s.start : s.end] for s in sentences)
    for sent, doc in zip(sentences, nlp.pipe(texts, batch_size=PIPE_BATCH), strict=True):
        for ent in doc.ents:
            start = sent.start + ent.start_char
            end = sent.start + ent.end_char
            mentions.append(
                Mention(start=start, end=end, text=text[start:end], label=ent.label_, source="ner")
            )
    return mentions


__all__ = ["load_pipeline", "model_path", "tag_sentences", "split_sentences", "DEFAULT_MODEL",
           "TRF_MODEL", "FAST_MODEL"]
