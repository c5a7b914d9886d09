"""The scorer (kg.evaluate) on hand-made pairs, and the validity of the gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.evaluate import (
    ListScore,
    format_scores,
    load_gold,
    mismatches,
    norm,
    rows_to_predicted,
    score,
    score_by_article,
    validate_article,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "data" / "gold"
ARTICLE_DIRS = (ROOT / "seeds", ROOT / "tests" / "data" / "articles")
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


def fig(value, unit="person", reporter=None, project=None, qualifier="exact", text="x"):
    return {"text": text, "value": value, "unit": unit, "qualifier": qualifier,
            "reporter": reporter, "project": project}


def art(aid="a", people=(), orgs=(), projects=(), figures=()):
    return {"articleId": aid, "people": list(people), "organisations": list(orgs),
            "projects": list(projects), "figures": list(figures)}


def test_exact_precision_recall_f1():
    gold = [art(figures=[fig(1), fig(2), fig(3), fig(4)])]
    pred = [art(figures=[fig(1), fig(2), fig(3), fig(9), fig(10), fig(11)])]
    s = score(gold, pred)["figures"]
    assert (s.tp, s.fp, s.fn) == (3, 3, 1)
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.75)
    assert s.f1 == pytest.approx(0.6)


def test_duplicate_figures_are_a_multiset():
    gold = [art(figures=[fig(1000, qualifier="approximately")] * 2)]
    one = score(gold, [art(figures=[fig(1000)])])["figures"]
    assert (one.tp, one.fp, one.fn) == (1, 0, 1)
    three = score(gold, [art(figures=[fig(1000)] * 3)])["figures"]
    assert (three.tp, three.fp, three.fn) == (2, 1, 0)


def test_values_compare_numerically_and_units_by_alias():
    gold = [art(figures=[fig(92500000, "KZT"), fig(43.5, "percent"), fig(1, "елді мекен")])]
    pred = [art(figures=[fig("9.25E7", "kzt"), fig("43,50", "%"), fig("1.0", "елдімекен")])]
    assert score(gold, pred)["figures"].f1 == 1.0
    assert score(gold, [art(figures=[fig(92500000, "нысан")])])["figures"].tp == 0


def test_figures_match_within_their_article_only():
    gold = [art("a", figures=[fig(5)]), art("b")]
    s = score(gold, [art("b", figures=[fig(5)]), art("unscored", figures=[fig(7)])])["figures"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_reporter_accuracy_and_reported_list():
    gold = [art(people=[{"name": "Жеңіс Асанов", "position": None, "organisation": None}],
                figures=[fig(369, "нысан", "Жеңіс Асанов"), fig(986), fig(43, "percent"),
                         fig(8, "жоба", "Жеңіс Асанов")])]
    pred = [art(figures=[fig(369, "нысан", "ЖЕҢІС  АСАНОВ"), fig(986),
                         fig(43, "percent", "Жеңіс Асанов"), fig(8, "жоба")])]
    s = score(gold, pred)
    # both empty (986) and same person (369) are right; 43 and 8 are wrong
    assert (s.reporter.correct, s.reporter.total) == (2, 4)
    assert (s["reported"].tp, s["reported"].fp, s["reported"].fn) == (1, 1, 1)
    kinds = [(m.list, m.kind) for m in mismatches(gold, pred)]
    assert kinds.count(("figures", "reporter")) == 2


def test_reporter_counts_only_matched_figures():
    gold = [art(figures=[fig(5, reporter=None)])]
    s = score(gold, [art(figures=[fig(6, reporter="Ы")])])
    assert (s.reporter.correct, s.reporter.total) == (0, 0)
    assert s.reporter.accuracy == 1.0


def test_string_normalisation():
    assert norm("«AMANAT»  партиясы") == norm('"amanat" ПАРТИЯСЫ') == norm("“AMANAT” партиясы")
    assert norm("Даи\u0306ындайық") == norm("Дайындайық")  # NFC: и + breve = й
    gold = [art(orgs=[{"name": "«AMANAT» партиясы", "parent": None}],
                projects=["Баланы мектепке дайындайық!"],
                people=[{"name": "Жеңіс Асанов", "position": "атқарушы хатшысы",
                         "organisation": "«AMANAT» партиясы"}])]
    pred = [art(orgs=[{"name": " “AMANAT”\nпартиясы", "parent": None}],
                projects=["баланы мектепке  дайындайық!"],
                people=[{"name": "жеңіс асанов", "position": "Атқарушы хатшысы",
                         "organisation": '"AMANAT" партиясы'}])]
    s = score(gold, pred)
    for name in ("orgs", "projects", "people", "posts"):
        assert s[name].f1 == 1.0, name


def test_people_posts_orgs_parents():
    gold = [art(people=[{"name": "Ы", "position": "әкімі", "organisation": "Алматы қаласы"},
                        {"name": "Ы", "position": "төрағасы", "organisation": "Кеңес"},
                        {"name": "Дана", "position": None, "organisation": None}],
                orgs=[{"name": "Б", "parent": "А"}, {"name": "А", "parent": None}])]
    pred = [art(people=[{"name": "Ы", "position": "әкімі", "organisation": None},
                        {"name": "Дана", "position": None, "organisation": None}],
                orgs=[{"name": "Б", "parent": None}])]
    s = score(gold, pred)
    assert (s["people"].tp, s["people"].fp, s["people"].fn) == (2, 0, 0)
    assert (s["posts"].tp, s["posts"].fp, s["posts"].fn) == (0, 1, 2)
    assert (s["orgs"].tp, s["orgs"].fn) == (1, 1)
    assert (s["parents"].tp, s["parents"].fn) == (0, 1)


def test_empty_lists():
    assert ListScore().f1 == 1.0
    s = score([art()], [art(projects=["X"])])["projects"]
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_rows_to_predicted_roundtrip_scores_perfectly():
    gold = json.loads((GOLD_DIR / "000_23f16858fcfc66eb.json").read_text(encoding="utf-8"))
    rows = {"who-reported-figures": [], "people": [], "organisations": [], "projects": [],
            "figures-by-project": []}
    aid = gold["articleId"]
    for f in gold["figures"]:
        rows["who-reported-figures"].append(
            {"articleId": aid, "reporterName": f["reporter"], "value": str(f["value"]),
             "unit": f["unit"], "qualifier": f["qualifier"], "figureText": f["text"],
             "sentence": "…"})
        if f["project"]:
            rows["figures-by-project"].append(
                {"articleId": aid, "projectName": f["project"], "value": f"{f['value']}.0",
                 "unit": f["unit"], "figureText": f["text"]})
    for p in gold["people"]:
        rows["people"].append({"articleId": aid, "personName": p["name"],
                               "position": p["position"], "organisationName": p["organisation"]})
    for o in gold["organisations"]:
        rows["organisations"].append({"articleId": aid, "organisationName": o["name"],
                                      "parentName": o["parent"]})
    rows["projects"] = [{"articleId": aid, "projectName": p} for p in gold["projects"]]
    pred = rows_to_predicted(rows)
    s = score([gold], pred)
    assert all(ls.f1 == 1.0 for ls in s.lists.values()), format_scores(s)
    assert s.reporter.accuracy == 1.0
    assert mismatches([gold], pred) == []
    table = format_scores(s, score_by_article([gold], pred))
    assert "figures" in table and aid in table


def test_rows_to_predicted_unbound_and_empty_cells():
    pred = rows_to_predicted({"who-reported-figures.rq": [
        {"articleId": "a", "value": "5", "unit": "жоба", "reporterName": ""},
        {"value": "6", "unit": "жоба"}]})
    assert len(pred) == 1 and pred[0]["figures"][0]["reporter"] is None
    assert pred[0]["figures"][0]["value"] == 5


# ---------------------------------------------------------------- gold files


def test_there_is_gold_for_every_seed():
    stems = {p.stem for p in GOLD_FILES}
    assert {p.stem for p in (ROOT / "seeds").glob("*.txt")} <= stems
    assert len(stems) >= 11


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_valid(path: Path):
    [article] = load_gold(path)
    assert validate_article(article) == []
    assert article["articleId"] == path.stem
    texts = [d / f"{path.stem}.txt" for d in ARTICLE_DIRS if (d / f"{path.stem}.txt").exists()]
    assert texts, f"no article text for {path.stem}"
    text = texts[0].read_text(encoding="utf-8")
    people = {p["name"] for p in article["people"]}
    for f in article["figures"]:
        assert isinstance(f["value"], int | float) and not isinstance(f["value"], bool)
        assert f["reporter"] is None or f["reporter"] in people
        assert f["text"] in text, f"figure text {f['text']!r} not in the article"
        assert f["project"] is None or f["project"] in article["projects"]
    orgs = {o["name"] for o in article["organisations"]}
    for o in article["organisations"]:
        assert o["parent"] is None or o["parent"] in orgs, o
    for p in article["projects"]:
        assert p in text, f"project {p!r} not in the article"


def test_evaluating_some_articles_scores_only_their_gold(capsys):
    from kg.commands import evaluate_paths

    one = ROOT / "seeds" / "000_23f16858fcfc66eb.txt"
    gold = json.loads((GOLD_DIR / f"{one.stem}.json").read_text(encoding="utf-8"))
    scores, gold_docs, _ = evaluate_paths(GOLD_DIR, [one], None)
    assert [g["articleId"] for g in gold_docs] == [one.stem]
    assert scores["figures"].tp + scores["figures"].fn == len(gold["figures"])
    assert "not scored" in capsys.readouterr().err
