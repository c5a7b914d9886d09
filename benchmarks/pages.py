"""Pages: trafilatura (kg.read.pages) against the old reading of HTML (html_to_text + furniture).

Each scraped seed/test article (``.txt``, with its own furniture lines) is wrapped as an
outlet's page three times — with semantic markup (``<nav>``, ``<aside>``, ``<footer>``),
with the ``<div class=…>`` markup many sites use, and with divs where the article's own
furniture lines (its menu, its «Соңғы жаңалықтар» list) are plain text with ``<br>``
instead of lists of links (``divs, plain``) — around a site's usual chrome: a top bar
(date, exchange rates, weather), a menu, a «Соңғы жаңалықтар» block and a «Танымал» block
whose headlines carry figures, tags, a cookie banner and a footer with phone numbers.
The saved page ``tests/data/pages/baq_004.html`` is read as it is.

For each page, both readers' articles go through the same rules (no NER) and are compared
with the ``.txt`` article: figures found (value, unit, text, reporter) that the ``.txt``
also gives / that it does not (from the chrome) / that are lost, and body lines — the
lines the pipeline reads, after :func:`kg.read.body_spans` — that are not lines of the
``.txt`` (boilerplate kept).

    .venv/bin/python benchmarks/pages.py [ARTICLE.txt …]
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ARTICLES = [
    "seeds/001_c4802c5d7ac5deb4.txt", "seeds/003_59ea5043924e4096.txt",
    "seeds/004_6ee0fdbb400b8aeb.txt", "tests/data/heldout/201_atyrau_baspana.txt",
    "tests/data/heldout/205_shymkent_police.txt", "tests/data/blind3/411_shymkent_baspana.txt",
    "tests/data/blind4/506_ulytau_balabaqsha.txt",
]  # fmt: skip
SAVED = {"tests/data/pages/baq_004.html": "seeds/004_6ee0fdbb400b8aeb.txt"}

LATEST = [
    "Елордада 12 мектептің құрылысы аяқталды", "Ақмола облысында 3 мың гектар егістік суландырылады",
    "Шымкентте 450 көпбалалы отбасы баспана алды", "Қарағанды облысында 27 жаңа автобус іске қосылды",
    "Түркістанда 1,2 млрд теңгеге жол жөнделеді",
]  # fmt: skip
POPULAR = [
    "Биыл 15 мың түлек ҰБТ тапсырады", "Алматыда 40%-ға арзан баспана беріледі",
    "Облыс әкімі 200 кәсіпкермен кездесті",
]  # fmt: skip
MENU = ["Басты бет", "Жаңалықтар", "Саясат", "Қоғам", "Экономика", "Аймақтар", "Спорт"]


def wrap(txt: str, semantic: bool, links: bool = True) -> str:
    """The .txt article in an outlet page: its furniture lines around the body, site chrome."""
    from kg.read import body_spans

    lines = txt.split("\n")
    body = {txt[s:e].strip() for s, e in body_spans(txt)}
    first = next(i for i, ln in enumerate(lines) if ln.strip() in body)
    last = max(i for i, ln in enumerate(lines) if ln.strip() in body)
    esc = lambda s: html.escape(s.strip(), quote=False)  # noqa: E731
    # furniture lines as a site has them: short ones links (menus, lists of other stories)
    def link(s: str) -> str:
        if not links:
            return f"{esc(s)}<br>"
        # a view counter «1489» is not a link; headlines and menu items are
        if len(s.split()) == 1 and s.strip()[:1].isdigit():
            return f"<li>{esc(s)}</li>"
        return f"<li><a href='/x'>{esc(s)}</a></li>"

    head = [link(ln) for ln in lines[:first] if ln.strip()]
    main = [f"<p>{esc(ln)}</p>" if ln.strip() in body else f"<div class='meta'>{esc(ln)}</div>"
            for ln in lines[first:last + 1] if ln.strip()]
    tail = [link(ln) for ln in lines[last + 1:] if ln.strip()]
    nav, aside, foot = ("nav", "aside", "footer") if semantic else ("div", "div", "div")
    links = "".join(f"<li><a href='/{n}'>{t}</a></li>" for n, t in enumerate(MENU))
    latest = "".join(f"<li><a href='/n/{n}'>{t}</a> <span>09:{10 + n}</span></li>"
                     for n, t in enumerate(LATEST))
    popular = "".join(f"<li><a href='/p/{n}'>{t}</a></li>" for n, t in enumerate(POPULAR))
    return f"""<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8"><title>Жаңалықтар</title>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head><body>
<div class="topbar">Бейсенбі, 24 Желтоқсан 2020 · USD 420.91 · EUR 513.40 · Алматы −7°C</div>
<{nav} class="menu"><ul>{links}</ul></{nav}>
<div class="content"><div class="post">
<div class="post-head"><ul>{''.join(head)}</ul></div>
<div class="entry-content">{''.join(main)}</div>
<div class="post-tail"><ul>{''.join(tail)}</ul></div>
<div class="tags"><a href="/t/1">#жаңалықтар</a> <a href="/t/2">#аймақ</a></div>
</div>
<{aside} class="sidebar"><h3>Соңғы жаңалықтар</h3><ul>{latest}</ul>
<h3>Танымал</h3><ul>{popular}</ul></{aside}></div>
<div class="cookie">Біз сайттың жұмысын жақсарту үшін cookie файлдарын қолданамыз. Сайтты
пайдалануды жалғастыра отырып, сіз олардың қолданылуына келісесіз. <button>Келісемін</button></div>
<{foot} class="site-footer"><p>© 2013–2025 Барлық құқықтар қорғалған. Байланыс: +7 (727) 300 00 00,
info@example.kz</p><p>Редакцияның рұқсатынсыз материалдарды пайдалануға тыйым салынады.</p></{foot}>
<script src="/js/app.js"></script></body></html>"""


def _figures(article: object) -> Counter[tuple[str, str, str, str | None]]:
    from kg.pipeline import extract

    ex = extract(article)  # type: ignore[arg-type]
    names = {p.key: p.name for p in ex.people}
    return Counter((str(f.value), f.unit, f.text, names.get(f.reporter_key or ""))
                   for f in ex.figures)


def _body_lines(text: str) -> list[str]:
    from kg.read import body_spans

    return [" ".join(text[s:e].split()) for s, e in body_spans(text)]


def compare(markup: str, txt: str) -> dict[str, dict[str, int]]:
    """Both readers on one page against the .txt article."""
    from kg.model import Article
    from kg.read.pages import read_page
    from kg.read.sources import make_article

    ref = make_article("ref", txt, "ref.txt")
    assert isinstance(ref, Article)
    ref_figs = _figures(ref)
    ref_lines = {" ".join(ln.split()) for ln in ref.text.split("\n")}
    out: dict[str, dict[str, int]] = {}
    for name, read in (("old", lambda: make_article("page", markup, "page.txt")),
                       ("trafilatura", lambda: read_page(markup, "page", "page.html"))):
        t0 = time.perf_counter()
        art = read()
        ms = (time.perf_counter() - t0) * 1000
        if not isinstance(art, Article):
            out[name] = {"read": 0}
            continue
        figs = _figures(art)
        kept = [ln for ln in _body_lines(art.text) if ln not in ref_lines]
        out[name] = {
            "read": 1, "figures": sum(figs.values()), "same": sum((figs & ref_figs).values()),
            "extra": sum((figs - ref_figs).values()), "lost": sum((ref_figs - figs).values()),
            "boilerplate": len(kept), "ms": round(ms),
        }
    out["txt"] = {"figures": sum(ref_figs.values())}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", help=".txt articles to wrap (default: the ones above; "
                    "only counts are printed, so never-looked-at articles may be given)")
    args = ap.parse_args(argv)
    cases: list[tuple[str, str, str]] = []
    for rel in args.files or ARTICLES:
        txt = (ROOT / rel).read_text(encoding="utf-8")
        for style, semantic, links in (("semantic", True, True), ("divs", False, True),
                                       ("divs, plain", False, False)):
            cases.append((f"{Path(rel).stem[:16]} {style}", wrap(txt, semantic, links), txt))
    for page, rel in SAVED.items() if not args.files else ():
        cases.append((Path(page).name, (ROOT / page).read_text(encoding="utf-8"),
                      (ROOT / rel).read_text(encoding="utf-8")))
    totals: dict[str, Counter[str]] = {"old": Counter(), "trafilatura": Counter()}
    print(f"{'page':<30} {'txt':>4} | {'old: same extra lost boiler':>28} | "
          f"{'trafilatura: same extra lost boiler':>36}")
    for label, markup, txt in cases:
        res = compare(markup, txt)
        row = [f"{label:<30} {res['txt']['figures']:>4}"]
        for name in ("old", "trafilatura"):
            r = res[name]
            totals[name].update(r)
            row.append(f"{r.get('same', 0):>14} {r.get('extra', 0):>5} {r.get('lost', 0):>4} "
                       f"{r.get('boilerplate', 0):>7}" + ("" if r["read"] else " (skipped)"))
        print(" | ".join(row))
    ref_total = sum(compare(m, t)["txt"]["figures"] for _, m, t in cases)
    print(f"\n{len(cases)} pages, {ref_total} figures in the .txt articles")
    for name, t in totals.items():
        print(f"{name:>12}: pages read {t['read']}, figures same {t['same']}, extra {t['extra']}, "
              f"lost {t['lost']}, boilerplate body lines {t['boilerplate']}, "
              f"{t['ms'] / max(1, t['read']):.0f} ms/page")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
