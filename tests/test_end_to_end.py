"""End to end on the seeds, through the real ``kg`` command line.

One store is built once per session (module fixture); each test asks it a
question the way a user would.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
KG = [sys.executable, "-m", "kg.cli"]

pytestmark = pytest.mark.slow


def kg(*args: str, store: Path, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [*KG, *args, "--store", str(store)] if args[0] not in ("evaluate",) else [*KG, *args],
        capture_output=True, text=True, input=stdin, env=env, cwd=ROOT, timeout=900,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} → {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("e2e") / "store"
    kg("build", str(SEEDS), "--quiet", store=path)
    return path


def rows(store: Path, name: str, *params: str) -> list[dict[str, str]]:
    args = ["query", name, "--format", "csv"]
    for p in params:
        args += ["--param", p]
    out = kg(*args, store=store).stdout
    return list(csv.DictReader(io.StringIO(out)))


def test_who_reported_figures_has_the_issue_examples(store: Path) -> None:
    got = rows(store, "who-reported-figures")
    assert {"articleId", "reporterName", "value", "unit", "qualifier", "figureText", "sentence"} <= set(got[0])

    def reporter_of(article: str, value: str, unit: str | None = None) -> set[str]:
        return {
            r["reporterName"] for r in got
            if r["articleId"].startswith(article) and Decimal(r["value"]) == Decimal(value)
            and (unit is None or r["unit"] == unit)
        }

    assert reporter_of("000", "369") == {"Жеңіс Асанов"}
    assert reporter_of("000", "43", "percent") == {"Жеңіс Асанов"}
    assert reporter_of("004", "700000000", "KZT") == {"Бақытжан Сағынтаев"}
    # narration has no reporter
    assert reporter_of("000", "986") == {""}
    assert reporter_of("004", "888") == {""}


def test_people_query_gives_posts(store: Path) -> None:
    got = rows(store, "people")
    assert {
        "articleId": "000_23f16858fcfc66eb",
        "personName": "Жеңіс Асанов",
        "position": "атқарушы хатшысы",
        "organisationName": "«AMANAT» партиясы Солтүстік Қазақстан облыстық филиалы",
    } in got


def test_query_parameters_are_bound(store: Path) -> None:
    got = rows(store, "people", "articleId=004_6ee0fdbb400b8aeb")
    assert got and {r["articleId"] for r in got} == {"004_6ee0fdbb400b8aeb"}
    # a value with quotes and braces is data, not query text
    assert rows(store, "people", 'articleId=x" } UNION { ?s ?p ?o') == []


def test_organisation_hierarchy_and_projects(store: Path) -> None:
    orgs = rows(store, "organisations")
    assert {
        "articleId": "000_23f16858fcfc66eb",
        "organisationName": "«AMANAT» партиясы Солтүстік Қазақстан облыстық филиалы",
        "parentName": "«AMANAT» партиясы",
    } in orgs
    projects = {(r["articleId"][:3], r["projectName"]) for r in rows(store, "projects")}
    assert {("000", "Кедергісіз келешек"), ("004", "Іскер ана"), ("001", "Бейбітшілік пен келісім")} <= projects


def test_building_twice_changes_nothing(store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "again"
    shutil.copytree(store, copy)
    before = kg("sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv", store=copy).stdout
    kg("build", str(SEEDS), "--quiet", store=copy)
    after = kg("sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv", store=copy).stdout
    assert before == after and int(before.split()[-1]) > 100


def test_bad_input_is_skipped_and_store_kept(store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kept"
    shutil.copytree(store, copy)
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = kg("sparql", count, "--format", "csv", store=copy).stdout
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (bad / "latin1.txt").write_bytes("Жоба".encode("utf-16"))
    (bad / "russian.txt").write_text("Проект продолжается в этом году, и это было хорошо.", encoding="utf-8")
    proc = kg("build", str(bad), "--quiet", store=copy, check=False)
    assert proc.returncode == 1
    assert "E001" in proc.stderr and "E002" in proc.stderr and "E006" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert kg("sparql", count, "--format", "csv", store=copy).stdout == before


def test_errors_are_one_line_and_non_zero(store: Path) -> None:
    for args in (["query", "no-such-query"], ["sparql", "SELEC nonsense"],
                 ["sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"]):
        proc = kg(*args, store=store, check=False)
        assert proc.returncode != 0, args
        assert "Traceback" not in proc.stderr
        assert proc.stderr.strip().startswith("error"), proc.stderr
    missing = kg("build", "/no/such/file.txt", store=store, check=False)
    assert missing.returncode == 1 and "E008" in missing.stderr


def test_json_output_is_w3c_sparql_results(store: Path) -> None:
    out = kg("query", "projects", "--format", "json", store=store).stdout
    doc = json.loads(out)
    assert "articleId" in doc["head"]["vars"] and doc["results"]["bindings"]


def test_export_turtle_parses_and_validates(store: Path, tmp_path: Path) -> None:
    import rdflib

    ttl = tmp_path / "all.ttl"
    kg("export", "--format", "turtle", "-o", str(ttl), store=store)
    g = rdflib.Graph().parse(ttl, format="turtle")
    assert len(g) > 100
    kg("validate", store=store)
    stats = kg("stats", store=store).stdout
    assert "articles" in stats


def test_a_headline_printed_twice_gives_one_set_of_figures(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Seed 000 repeats its headline on its first two lines («мыңға жуық» once, not twice)."""
    from kg.pipeline import build
    from kg.query import run_saved
    from kg.store import Store

    seed = sorted((ROOT / "seeds").glob("000_*.txt"))[0]
    lines = seed.read_text(encoding="utf-8").splitlines()
    assert lines[0] == lines[1]
    build([seed], tmp_path / "st", nlp=None)
    with Store(tmp_path / "st", read_only=True) as st:
        rows = run_saved(st, "who-reported-figures").records()
    keys = [(r["value"], r["unit"], r["figureText"], r["sentence"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert sum(r["figureText"] == "мыңға жуық" for r in rows) == 1


def test_build_shortens_the_gil_switch_interval_while_it_tags_and_restores_it(
        tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The NER thread gets the GIL back quickly while the rules run (kg.pipeline)."""
    import kg.pipeline as pipeline
    from kg.nlp import load_pipeline

    seen: list[float] = []
    tag = pipeline.tag

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(sys.getswitchinterval())
        return tag(*args, **kwargs)

    monkeypatch.setattr(pipeline, "tag", spy)
    before = sys.getswitchinterval()
    seed = sorted((ROOT / "seeds").glob("000_*.txt"))[0]
    report = pipeline.build([seed], tmp_path / "st", nlp=load_pipeline())
    assert report.stored and seen == [pytest.approx(pipeline.NER_SWITCH_INTERVAL)]
    assert sys.getswitchinterval() == before != pipeline.NER_SWITCH_INTERVAL
