"""Derek (дерек: a fact): knowledge graphs of who said what, from Kazakh-language news.

Stages, one subpackage each: ``read`` → ``nlp`` → ``normalise`` → ``extract`` →
``map`` → ``validate`` → ``store`` → ``query``. Nothing is loaded at import time.
"""

from pathlib import Path

__version__ = "0.1.0"

#: the repository root when running from a checkout (ontology/, shapes/, queries/, models/)
ROOT = Path(__file__).resolve().parent.parent
