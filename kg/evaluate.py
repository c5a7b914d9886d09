"""Score extracted knowledge against hand annotations (spec §5).

Gold and predicted are lists of article dicts in the spec's JSON format
(``articleId``, ``people``, ``organisations``, ``projects``, ``figures``).
Precision/recall/F1 are computed over multisets of keys, for the gold articles only:
``figures`` (articleId, value, unit) — a figure twice in gold needs two predictions;
``reported`` the same plus reporter, for figures with one; ``people`` (articleId,
name); ``posts`` (articleId, name, position, organisation), entries with a position;
``orgs`` (articleId, name); ``parents`` (articleId, name, parent); ``projects``
(articleId, name); ``project_figures`` (articleId, value, unit, project). Plus
``reporter`` accuracy on matched figures (right when both are empty or both name
the same person). Strings are compared after :func:`norm`, values as Decimal.
Predictions come from the saved queries' rows via :func:`rows_to_predicted`.

>>> gold = [{"articleId": "a", "figures": [
...     {"value": 369, "unit": "нысан", "reporter": "Жеңіс Асанов"}]}]
>>> pred = rows_to_predicted({"who-reported-figures": [{"articleId": "a",
...     "reporterName": "жеңіс  асанов", "value": "369.0", "unit": "нысан"}]})
>>> s = score(gold, pred)
>>> s["figures"].f1, s["reported"].f1, s.reporter.accuracy
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.gold import (  # noqa: F401  (re-exported: kg.evaluate is the front)
    FIGURE_KEYS,
    REQUIRED_KEYS,
    UNIT_ALIASES,
    Article,
    Gold,
    Key,
    load_gold,
    norm,
    norm_unit,
    to_decimal,
    validate_article,
)

LISTS: tuple[str, ...] = (
    "figures", "reported", "people", "posts", "orgs", "parents", "projects", "project_figures",
)


@dataclass(frozen=True)
class ListScore:
    """Counts for one list; P/R are 1.0 on an empty denominator only when nothing was missed.

    >>> s = ListScore(tp=3, fp=1, fn=2)
    >>> s.precision, round(s.recall, 3), round(s.f1, 3)
    (0.75, 0.6, 0.667)
    >>> ListScore(0, 0, 0).f1, ListScore(0, 0, 2).precision
    (1.0, 0.0)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Accuracy:
    """Right answers out of the figures matched in both gold and predicted."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class Scores:
    """Per-list scores (``scores["figures"]``) and reporter accuracy."""

    lists: dict[str, ListScore] = field(default_factory=dict)
    reporter: Accuracy = field(default_factory=Accuracy)

    def __getitem__(self, name: str) -> ListScore:
        return self.lists[name]


def _figure_key(aid: str, f: dict[str, Any]) -> Key:
    return (aid, to_decimal(f.get("value")), norm_unit(f.get("unit")))


def keys(article: Article) -> dict[str, Counter[Key]]:
    """The multiset of match keys of every scored list, for one article.

    >>> k = keys({"articleId": "a", "people": [{"name": "Ы", "position": None}]})
    >>> k["people"], k["posts"]
    (Counter({('a', 'ы'): 1}), Counter())
    """
    aid = str(article.get("articleId", ""))
    figures = article.get("figures") or []
    people = article.get("people") or []
    orgs = article.get("organisations") or []
    out = {
        "figures": Counter(_figure_key(aid, f) for f in figures),
        "reported": Counter(
            (*_figure_key(aid, f), norm(f["reporter"])) for f in figures if norm(f.get("reporter"))
        ),
        "people": Counter({(aid, n): 1 for n in {norm(p.get("name")) for p in people}}),
        "posts": Counter({(aid, norm(p.get("name")), norm(p.get("position")),
                           norm(p.get("organisation"))): 1
                          for p in people if norm(p.get("position"))}),
        "orgs": Counter({(aid, norm(o.get("name"))): 1 for o in orgs}),
        "parents": Counter({(aid, norm(o.get("name")), norm(o.get("parent"))): 1
                            for o in orgs if norm(o.get("parent"))}),
        "projects": Counter({(aid, norm(p)): 1 for p in article.get("projects") or []}),
        "project_figures": Counter((*_figure_key(aid, f), norm(f["project"]))
                                   for f in figures if norm(f.get("project"))),
    }
    return out


def _reporters(articles: Iterable[Article]) -> dict[Key, Counter[str]]:
    out: dict[Key, Counter[str]] = {}
    for a in articles:
        for f in a.get("figures") or []:
            out.setdefault(_figure_key(str(a.get("articleId", "")), f), Counter())[
                norm(f.get("reporter"))] += 1
    return out


def _scoped(gold: Gold, predicted: list[Article]) -> list[Article]:
    ids = {str(g.get("articleId")) for g in gold}
    return [p for p in predicted if str(p.get("articleId")) in ids]


def _totals(articles: Iterable[Article]) -> dict[str, Counter[Key]]:
    total: dict[str, Counter[Key]] = {name: Counter() for name in LISTS}
    for a in articles:
        for name, counter in keys(a).items():
            total[name].update(counter)
    return total


def score(gold: Gold, predicted: list[Article]) -> Scores:
    """Precision/recall/F1 per list and reporter accuracy (see the module docstring).

    >>> g = [{"articleId": "a", "figures": [{"value": 5, "unit": "жоба", "reporter": None}] * 2}]
    >>> p = [{"articleId": "a", "figures": [{"value": "5", "unit": "жоба"}]},
    ...      {"articleId": "other", "figures": [{"value": 1, "unit": "жоба"}]}]
    >>> s = score(g, p)
    >>> (s["figures"].tp, s["figures"].fp, s["figures"].fn), s.reporter.accuracy
    ((1, 0, 1), 1.0)
    """
    predicted = _scoped(gold, predicted)
    g_keys, p_keys = _totals(gold), _totals(predicted)
    lists = {}
    for name in LISTS:
        tp = sum((g_keys[name] & p_keys[name]).values())
        lists[name] = ListScore(tp, sum(p_keys[name].values()) - tp, sum(g_keys[name].values()) - tp)
    g_rep, p_rep = _reporters(gold), _reporters(predicted)
    correct = total = 0
    for key, g_counter in g_rep.items():
        p_counter = p_rep.get(key, Counter())
        total += min(sum(g_counter.values()), sum(p_counter.values()))
        correct += sum((g_counter & p_counter).values())
    return Scores(lists, Accuracy(correct, total))


def score_by_article(gold: Gold, predicted: list[Article]) -> dict[str, Scores]:
    """:func:`score` for each gold article on its own."""
    return {
        str(g["articleId"]): score([g], [p for p in predicted if p.get("articleId") == g["articleId"]])
        for g in gold
    }


@dataclass(frozen=True)
class Mismatch:
    """One disagreement: ``kind`` is ``fp``, ``fn`` or ``reporter`` (a matched figure)."""

    list: str
    kind: str
    key: Key
    detail: str = ""

    def __str__(self) -> str:
        shown = ", ".join("∅" if k in ("", None) else str(k) for k in self.key)
        return f"{self.list:<15} {self.kind:<8} {shown}{' ' + self.detail if self.detail else ''}"


def mismatches(gold: Gold, predicted: list[Article]) -> list[Mismatch]:
    """False positives, false negatives and reporter errors, for debugging.

    >>> g = [{"articleId": "a", "projects": ["Іскер ана"],
    ...       "figures": [{"value": 8, "unit": "жоба", "reporter": "Ы"}]}]
    >>> p = [{"articleId": "a", "projects": ["Еңбек"],
    ...       "figures": [{"value": 8, "unit": "жоба", "reporter": None}]}]
    >>> for m in mismatches(g, p): print(m)
    reported        fn       a, 8, жоба, ы
    projects        fp       a, еңбек
    projects        fn       a, іскер ана
    figures         reporter a, 8, жоба gold ы, predicted ∅
    """
    predicted = _scoped(gold, predicted)
    g_keys, p_keys = _totals(gold), _totals(predicted)
    out: list[Mismatch] = []
    for name in LISTS:
        for kind, extra in (("fp", p_keys[name] - g_keys[name]), ("fn", g_keys[name] - p_keys[name])):
            out.extend(Mismatch(name, kind, k) for k in sorted(extra.elements(), key=str))
    p_rep = _reporters(predicted)
    for key, g_counter in sorted(_reporters(gold).items(), key=str):
        p_counter = p_rep.get(key, Counter())
        matched = min(sum(g_counter.values()), sum(p_counter.values()))
        wrong = matched - sum((g_counter & p_counter).values())
        if wrong:
            g_only = sorted((g_counter - p_counter).elements())
            p_only = sorted((p_counter - g_counter).elements())
            for g_r, p_r in list(zip(g_only, p_only, strict=False))[:wrong]:
                out.append(Mismatch("figures", "reporter", key,
                                    f"gold {g_r or '∅'}, predicted {p_r or '∅'}"))
    return out


def format_scores(scores: Scores, by_article: dict[str, Scores] | None = None) -> str:
    """A plain-text table of the scores, optionally with F1 per article.

    >>> print(format_scores(Scores({"figures": ListScore(3, 1, 2)}, Accuracy(2, 3))))
    list                 P      R     F1    tp    fp    fn
    figures          0.750  0.600  0.667     3     1     2
    reporter accuracy on matched figures: 0.667 (2/3)
    """
    lines = [f"{'list':<15} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for name, s in scores.lists.items():
        lines.append(f"{name:<15} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                     f"{s.tp:5d} {s.fp:5d} {s.fn:5d}")
    r = scores.reporter
    lines.append(f"reporter accuracy on matched figures: {r.accuracy:.3f} ({r.correct}/{r.total})")
    if by_article:
        names = list(next(iter(by_article.values())).lists)
        lines.append("")
        lines.append(f"{'F1 by article':<28}" + "".join(f"{n[:8]:>9}" for n in names) + "  reporter")
        for aid, s in by_article.items():
            lines.append(f"{aid:<28}" + "".join(f"{s[n].f1:9.3f}" for n in names)
                         + f"  {s.reporter.accuracy:8.3f}")
    return "\n".join(lines)


# ---- saved queries

def _cell(row: dict[str, Any], column: str) -> str | None:
    value = row.get(column)
    return None if value is None or str(value).strip() == "" else str(value).strip()


def _number(value: str | None) -> int | float | None:
    d = to_decimal(value)
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def rows_to_predicted(rows_by_query: dict[str, list[dict[str, Any]]]) -> list[Article]:
    """Article dicts (spec §5 format) from the rows of the five saved queries (spec §4).

    Keys of ``rows_by_query`` are the query names with or without ``.rq``
    (``who-reported-figures``, ``people``, ``organisations``, ``projects``,
    ``figures-by-project``). A figures-by-project row sets the project of one
    figure with the same value, unit (and text, when given) that has none yet.

    >>> arts = rows_to_predicted({
    ...   "people.rq": [{"articleId": "a", "personName": "Жеңіс Асанов",
    ...                  "position": "атқарушы хатшысы", "organisationName": None}],
    ...   "figures-by-project": [{"articleId": "a", "projectName": "Іскер ана",
    ...                           "value": "8", "unit": "жоба", "figureText": "8"}],
    ...   "who-reported-figures": [{"articleId": "a", "reporterName": None, "value": "8",
    ...                             "unit": "жоба", "qualifier": "exact", "figureText": "8"}]})
    >>> arts[0]["people"][0]["position"], arts[0]["figures"][0]["project"]
    ('атқарушы хатшысы', 'Іскер ана')
    """
    rows = {name.removesuffix(".rq"): list(r) for name, r in rows_by_query.items()}
    articles: dict[str, Article] = {}

    def article(row: dict[str, Any]) -> Article | None:
        aid = _cell(row, "articleId")
        empty = {"articleId": aid, "people": [], "organisations": [], "projects": [], "figures": []}
        return None if aid is None else articles.setdefault(aid, empty)

    simple = {  # query → (list, name column, item from row)
        "people": ("people", "personName", lambda r: {"name": _cell(r, "personName"),
                   "position": _cell(r, "position"), "organisation": _cell(r, "organisationName")}),
        "organisations": ("organisations", "organisationName", lambda r: {
            "name": _cell(r, "organisationName"), "parent": _cell(r, "parentName")}),
        "projects": ("projects", "projectName", lambda r: _cell(r, "projectName")),
    }
    for query, (name, column, make) in simple.items():
        for row in rows.get(query, []):
            if (a := article(row)) and _cell(row, column) and make(row) not in a[name]:
                a[name].append(make(row))
    for row in rows.get("who-reported-figures", []):
        if a := article(row):
            a["figures"].append({
                "text": _cell(row, "figureText"), "value": _number(_cell(row, "value")),
                "unit": _cell(row, "unit"), "qualifier": _cell(row, "qualifier") or "exact",
                "reporter": _cell(row, "reporterName"), "project": None})
    for row in rows.get("figures-by-project", []):
        aid = _cell(row, "articleId")
        free = [f for f in articles.get(aid or "", {}).get("figures", []) if f["project"] is None
                and _figure_key(aid or "", f) == _figure_key(aid or "", row)]
        free.sort(key=lambda f: _cell(row, "figureText") not in (None, f["text"]))
        if free:
            free[0]["project"] = _cell(row, "projectName")
    return list(articles.values())
