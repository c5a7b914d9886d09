"""``kg build --engine ray`` and ``kg load``: the same quads as a local build; a failed
article or a killed worker leaves nothing half-written; a bad file leaves the store as it was.

A local Ray cluster (2 CPUs, no dashboard) is started once for the module and shut down at
its end. The rules-only pipeline (``--no-ner``) keeps these fast; one test (slow) runs the
default transformer NER on both routes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.distributed import build_shards
from kg.errors import DerekError
from kg.model import Article
from kg.pipeline import build
from kg.read import read_inputs
from kg.store import Store

ray = pytest.importorskip("ray")

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [ROOT / "seeds", ROOT / "tests" / "data" / "articles"]  # 11 articles, 2 shards


@pytest.fixture(scope="module", autouse=True)
def cluster() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING")
    yield
    ray.shutdown()


def quads(store_dir: Path) -> list[str]:
    with Store(store_dir) as st:
        return sorted(st.dump("nquads").decode("utf-8").splitlines())


def local_quads(tmp_path: Path, paths: list[Path], nlp: object = None) -> list[str]:
    report = build(paths, tmp_path / "local", nlp=nlp)  # type: ignore[arg-type]
    assert report.ok, report.summary()
    return quads(tmp_path / "local")


def loaded(tmp_path: Path, files: list[Path], name: str = "dist") -> list[str]:
    with Store(tmp_path / name) as st:
        st.load_files(files)
    return quads(tmp_path / name)


def ids(paths: list[Path]) -> list[str]:
    return [a.id for a in read_inputs(paths) if isinstance(a, Article)]


def test_same_quads_as_a_local_build(tmp_path: Path) -> None:
    report = build_shards(INPUTS, tmp_path / "shards", workers=2, no_ner=True)
    assert not report.failed and not report.skipped
    assert [f.name for f in report.files] == ["0000-seeds.nq", "0001-articles.nq"]
    assert sorted(report.written) == sorted(ids(INPUTS))
    expected = local_quads(tmp_path, INPUTS)
    assert len(expected) > 4000
    assert loaded(tmp_path, report.files) == expected
    assert report.quads == len(expected)
    # each shard holds the graphs of its own input's articles and no other
    seeds = (tmp_path / "shards" / "0000-seeds.nq").read_text(encoding="utf-8")
    for article_id in ids([INPUTS[0]]):
        assert f"/graph/{article_id}> ." in seeds
    for article_id in ids([INPUTS[1]]):
        assert f"/graph/{article_id}>" not in seeds


def test_a_failing_article_is_reported_and_none_of_it_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    victim = ids([INPUTS[0]])[2]
    monkeypatch.setenv("DEREK_FAULT", f"raise:{victim}")
    report = build_shards(INPUTS, tmp_path / "shards", workers=2, no_ner=True)
    assert [(f.article_id, f.code) for f in report.failed] == [(victim, "E062")]
    assert "injected fault" in report.failed[0].messages[0]
    assert victim not in report.written and len(report.written) == len(ids(INPUTS)) - 1
    text = "".join(f.read_text(encoding="utf-8") for f in report.files)
    assert f"/graph/{victim}>" not in text  # not one quad of its graph
    assert not list((tmp_path / "shards").glob("*.partial"))
    others = [p for p in sorted(INPUTS[0].glob("*.txt")) if p.stem != victim] + [INPUTS[1]]
    assert loaded(tmp_path, report.files) == local_quads(tmp_path, others)


def test_a_killed_worker_is_retried_and_the_output_complete(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    victim = ids([INPUTS[1]])[0]
    monkeypatch.setenv("DEREK_FAULT", f"exit:{victim}")
    report = build_shards(INPUTS, tmp_path / "shards", workers=2, no_ner=True)
    marker = tmp_path / "shards" / ".faults" / f"exited-{victim}"
    assert marker.exists()  # a worker process did die on that article
    assert int(marker.read_text()) != os.getpid()
    assert not report.failed and sorted(report.written) == sorted(ids(INPUTS))
    assert loaded(tmp_path, report.files) == local_quads(tmp_path, INPUTS)


def test_a_bad_fault_spec_is_refused_before_any_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEREK_FAULT", "explode:x")
    with pytest.raises(DerekError) as err:
        build_shards(INPUTS, tmp_path / "shards", no_ner=True)
    assert err.value.code == "E064"
    assert not list((tmp_path / "shards").glob("*.nq"))


def test_loading_a_broken_shard_leaves_the_store_unchanged(tmp_path: Path) -> None:
    report = build_shards([INPUTS[0]], tmp_path / "shards", workers=2, no_ner=True)
    good = report.files[0]
    text = good.read_text(encoding="utf-8")
    cut = tmp_path / "cut.nq"  # a shard cut short in the middle of a line
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    before = local_quads(tmp_path, [INPUTS[1]])
    with Store(tmp_path / "local") as st, pytest.raises(DerekError) as err:
        st.load_files([good, cut])  # the good file is not loaded either
    assert err.value.code == "E207" and "cut.nq" in err.value.message
    assert quads(tmp_path / "local") == before
    with Store(tmp_path / "local") as st, pytest.raises(DerekError) as err:
        st.load_files([tmp_path / "shards" / "nothing.nq"])
    assert err.value.code == "E208"


def test_a_truncated_or_binary_gzipped_shard_is_refused_before_the_store_is_touched(
        tmp_path: Path) -> None:
    import gzip

    report = build_shards([INPUTS[0]], tmp_path / "shards", workers=1, no_ner=True)
    data = gzip.compress(report.files[0].read_bytes())
    cut, junk = tmp_path / "cut.nq.gz", tmp_path / "junk.nq.gz"
    cut.write_bytes(data[: len(data) // 2])
    junk.write_bytes(b"\x00\xff not gzip at all")
    before = local_quads(tmp_path, [INPUTS[1]])
    for bad in (cut, junk):
        with Store(tmp_path / "local") as st, pytest.raises(DerekError) as err:
            st.load_files([report.files[0], bad])
        assert err.value.code == "E207" and bad.name in err.value.message
        assert quads(tmp_path / "local") == before
    whole = tmp_path / "whole.nq.gz"
    whole.write_bytes(data)
    assert loaded(tmp_path, [whole], "gz") == loaded(tmp_path, report.files, "plain")


def test_loading_again_replaces_graphs(tmp_path: Path) -> None:
    report = build_shards([INPUTS[0]], tmp_path / "shards", workers=1, no_ner=True)
    once = loaded(tmp_path, report.files)
    assert loaded(tmp_path, report.files + report.files) == once  # same store, loaded again
    # over a local build of the same articles: each graph replaced, none doubled
    expected = local_quads(tmp_path, [INPUTS[0]])
    with Store(tmp_path / "local") as st:
        st.load_files(report.files)
    assert quads(tmp_path / "local") == expected == once


def test_kg_load_command_reports_a_coded_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.nq"
    bad.write_text("<https://derek.kz/id/x> <p> .\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "load", str(bad), "--store",
                           str(tmp_path / "st")], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert proc.returncode == 2 and "error E207" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.slow
def test_same_quads_with_the_transformer_ner(tmp_path: Path) -> None:
    from kg.nlp import load_pipeline

    report = build_shards(INPUTS, tmp_path / "shards", workers=2)
    assert not report.failed
    assert loaded(tmp_path, report.files) == local_quads(tmp_path, INPUTS, load_pipeline())
