"""spaCy NER pipeline on the local e5-small encoder (``configs/ner-trf.cfg``).

The transformer component is spacy-transformers' ``TransformerModel`` with ``name`` set to a local
directory written by ``scripts/export_encoder.py``; the ``ner`` head listens to it.  Training data
are DocBin files from :func:`kg.nlp.kaznerd.convert` given as ``paths.train``/``paths.dev``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from thinc.api import Config

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "configs" / "ner-trf.cfg"
DEFAULT_ENCODER = ROOT / "build" / "e5-small-kk"


def load_config(
    encoder: str | Path | None = None,
    train: str | Path | None = None,
    dev: str | Path | None = None,
    path: str | Path = CONFIG,
) -> Config:
    """The NER config with ``paths.encoder``/``train``/``dev`` overridden (not yet resolved)."""
    from spacy import util

    overrides: dict[str, str | None] = {"paths.encoder": str(encoder or DEFAULT_ENCODER)}
    if train is not None:
        overrides["paths.train"] = str(train)
    if dev is not None:
        overrides["paths.dev"] = str(dev)
    return util.load_config(path, overrides=overrides, interpolate=False)


def build_nlp(encoder: str | Path | None = None, gold: Iterable[Doc] | None = None) -> Language:
    """Build the pipeline offline; with ``gold`` docs (entities set) also initialise it."""
    from spacy import util
    from spacy.training import Example

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    config = load_config(encoder)
    nlp = util.load_model_from_config(config, auto_fill=True, validate=True)
    if gold is not None:
        examples = [Example(nlp.make_doc(doc.text), doc) for doc in gold]
        nlp.initialize(lambda: examples)
    return nlp


def train_command(
    encoder: str | Path, train: str | Path, dev: str | Path, out: str | Path
) -> list[str]:
    """The ``spacy train`` command line for this config (documentation helper)."""
    return [
        "python", "-m", "spacy", "train", str(CONFIG), "--output", str(out),
        "--paths.train", str(train), "--paths.dev", str(dev), "--paths.encoder", str(encoder),
    ]  # fmt: skip
