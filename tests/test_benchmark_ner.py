"""benchmarks/ner.py: the entity-level metric and a tiny CRF run through main()."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from kg.nlp import model_path
from kg.nlp.kaznerd import LABELS
from kg.paths import KAZNERD

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str):
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


ner = _load("ner")


def test_spans() -> None:
    assert ner.spans(["B-PERSON", "I-PERSON", "O", "B-GPE"]) == {(0, 2, "PERSON"), (3, 4, "GPE")}
    # a stray I- opens an entity; a B- right after an entity closes it
    assert ner.spans(["I-DATE", "B-DATE", "I-DATE", "I-TIME"]) == {
        (0, 1, "DATE"), (1, 3, "DATE"), (3, 4, "TIME")}  # fmt: skip
    assert ner.spans(["O", "O"]) == set()


def test_score_exact_numbers() -> None:
    gold = [
        ["B-PERSON", "I-PERSON", "O", "B-GPE"],
        ["B-DATE", "I-DATE", "O", "B-ORGANISATION", "I-ORGANISATION"],
    ]
    pred = [
        ["B-PERSON", "I-PERSON", "O", "B-LOCATION"],  # PERSON right; GPE mislabelled
        ["B-DATE", "O", "O", "B-ORGANISATION", "I-ORGANISATION"],  # DATE too short; ORG right
    ]
    s = ner.score(gold, pred)
    assert set(LABELS) | {"micro"} <= set(s)
    m = s["micro"]
    assert (m["tp"], m["fp"], m["fn"]) == (2, 2, 2)
    assert m["p"] == pytest.approx(0.5) and m["r"] == pytest.approx(0.5)
    assert m["f1"] == pytest.approx(0.5)
    assert s["PERSON"]["f1"] == 1.0 and s["ORGANISATION"]["f1"] == 1.0
    assert (s["GPE"]["p"], s["GPE"]["r"], s["GPE"]["support"]) == (0.0, 0.0, 1)
    assert (s["LOCATION"]["fp"], s["LOCATION"]["support"]) == (1, 0)
    assert (s["DATE"]["tp"], s["DATE"]["fp"], s["DATE"]["fn"]) == (0, 1, 1)
    assert s["ADAGE"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0, "support": 0}

    # 3 gold, 2 predicted, 1 right: P = 1/2, R = 1/3, F1 = 0.4
    s = ner.score([["B-GPE", "O", "B-GPE", "B-NORP"]], [["B-GPE", "O", "O", "B-GPE"]])
    assert (s["micro"]["p"], s["micro"]["r"]) == pytest.approx((0.5, 1 / 3))
    assert s["micro"]["f1"] == pytest.approx(0.4)
    assert s["GPE"]["f1"] == pytest.approx(2 * 0.5 * 0.5 / 1.0)

    with pytest.raises(ValueError):
        ner.score([["O"]], [["O", "O"]])


@pytest.mark.skipif(
    not (KAZNERD / "train.iob").is_file() or not (KAZNERD / "dev.iob").is_file(),
    reason=f"KazNERD not found at {KAZNERD}",
)
def test_main_tiny_crf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ner.json"
    argv = ["--limit-train", "200", "--crf-max-iter", "5", "--limit-dev", "200", "--json", str(out)]
    with_pipe = (model_path() / "meta.json").is_file()
    if not with_pipe:
        argv.append("--no-pipeline")
    assert ner.main(argv) == 0
    printed = capsys.readouterr().out
    header = next(ln for ln in printed.splitlines() if ln.startswith("label"))
    assert "CRF" in header and ("pipeline" in header) == with_pipe
    for lab in [*LABELS, "micro"]:
        row = next(ln for ln in printed.splitlines() if ln.split()[:1] == [lab])
        nums = [float(x) for x in row.split()[2:]]
        assert len(nums) == (6 if with_pipe else 3)
        assert all(0.0 <= x <= 1.0 for x in nums), row
    assert "words/s" in printed and ("GPU" in printed)

    res = json.loads(out.read_text(encoding="utf-8"))
    systems = ["crf", "pipeline"] if with_pipe else ["crf"]
    for name in systems:
        scores = res[name]["scores"]
        assert set(LABELS) | {"micro"} <= set(scores)
        for m in scores.values():
            assert all(0.0 <= m[k] <= 1.0 for k in ("p", "r", "f1"))
        assert res[name]["words_per_s"] > 0
    assert res["crf"]["train_sentences"] == 200
    assert res["crf"]["settings"]["max_iterations"] == 5
    assert res["dev"]["sentences"] == 200
