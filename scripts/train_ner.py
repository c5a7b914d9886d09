"""Train the NER pipeline: a thin wrapper around ``python -m kg.nlp.train``.

    .venv/bin/python scripts/train_ner.py --out models/ner-fast --max-minutes 30
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.nlp.train import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
