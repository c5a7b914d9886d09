"""Where Derek finds its files: the repository's own folders and the shared data.

The shared data folder (KazNERD, raw Kazakh text) lies beside the checkout as
``../shared``; ``$DEREK_SHARED`` overrides it.

>>> (ROOT / "queries").is_dir()
True
>>> SHARED.name
'shared'
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    env = os.environ.get("DEREK_SHARED")
    if env:
        return Path(env)
    beside = ROOT.parent / "shared"
    return beside if beside.is_dir() else Path("/work/shared")


SHARED = _shared()
KAZNERD = SHARED / "data" / "kaznerd"
RAW_KK = SHARED / "data" / "raw-kk"
