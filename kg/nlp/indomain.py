"""In-domain NER training data: our gold (and the rules' silver) as spans in our tokenisation.

    .venv/bin/python -m kg.nlp.indomain --out build/indomain

writes ``train.jsonl`` and ``dev.jsonl`` (one sentence per line: ``{"words", "tags",
"article"}``, BIO tags over KazNERD's labels) from every gold set of ``tests/data`` and the
seeds, and ``silver.jsonl`` from the cased news and Wikipedia text of
``../shared/data/raw-kk``. Issue 11 part 1.

What a sentence is tagged with, in order of authority:

1. **gold** (the article's ``gold/*.json``): its people (full name, «Е.Сапарбеков», the
   surname alone, case endings included as KazNERD does), organisations (the spec's full
   names as they occur, case ending on the head; the longest wins where names nest),
   projects (inside the quotes), each person's post next to their name (POSITION: the post
   words only — the organisation is its own span; :func:`split_positions` brings KazNERD's
   «X бөлімінің басшысы» spans to the same scheme), and figures the model below misses;
2. **the rules' places** (GPE) from :func:`kg.extract.entities.extract_entities`;
3. **the KazNERD-only model** for every other label (DATE, NORP, EVENT, CARDINAL, …), except
   its PERSON, ORGANISATION and PROJECT spans: where gold lists every one of those, a span
   it does not list is a KazNERD habit («AMANAT» without «партиясы», a bare «Төрағасы»).

Splits: the never-looked-at parts of the blind sets (:data:`NEVER_LOOKED_AT`) and all of
blind set 8 (:data:`NOT_TRAINED_ON`) are in no file; dev set 5 is ``dev.jsonl`` (model selection); every other gold article is training.

>>> from kg.nlp.indomain import match_name
>>> match_name(["Шымкент", "қаласы", "білім", "басқармасының", "басшысы"],
...            ["Шымкент", "қаласы", "білім", "басқармасы"])
[(0, 4)]
>>> split_positions(["Құрылыс", "бөлімінің", "жетекшісі", "келді"],
...                 ["B-POSITION", "I-POSITION", "I-POSITION", "O"])
['B-ORGANISATION', 'I-ORGANISATION', 'B-POSITION', 'O']
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg import ROOT
from kg.nlp.indomain_spans import (
    Span,
    _figure_label,
    _figure_span,
    _person_spans,
    _place,
    _stem,
    _tokens_of,
    match_name,
    split_positions,
    to_bio,
)

#: articles of the blind sets whose scores only were ever read: never in any training file
NEVER_LOOKED_AT: dict[str, tuple[str, ...]] = {
    "blind3": ("407_*", "408_*", "409_*", "41?_*"),
    "blind4": ("502_*", "504_*", "508_*", "510_*", "512_*"),
    "blind6": ("70[2468]_*", "71[02]_*"),
    "blind7": ("80[2468]_*", "81[02]_*"),
    "blind8": ("90[2468]_*", "910_*"),  # written for issue 11; the odd half is for development
    "blind9": ("100[2468]_*", "1010_*"),  # written for issues 11 and 12 (2026-12-07)
    "blind10": ("110[2468]_*", "111[02]_*"),  # posts and organisations (2026-12-07)
    "blind11": ("120[2468]_*", "121[02]_*"),  # posts and organisations, more genres
    "blind12": ("130[2468]_*", "131[02]_*"),  # posts and organisations (stop 24)
    "blind13": ("140[2468]_*", "141[02]_*"),  # posts and organisations (stop 25)
    "blind14": ("150[2468]_*", "151[02]_*"),  # posts and organisations (stop 26)
    "blind15": ("160[2468]_*", "161[02]_*"),  # posts and organisations (stop 26, second set)
}
#: out of every training file as well: blind8's odd half (rules development after its first
#: measurement, but the committed model never saw any of blind8)
NOT_TRAINED_ON: dict[str, tuple[str, ...]] = {**NEVER_LOOKED_AT, "blind8": ("*",),
                                              "blind9": ("*",), "blind10": ("*",),
                                              "blind11": ("*",), "blind12": ("*",),
                                              "blind13": ("*",), "blind14": ("*",),
                                              "blind15": ("*",)}
#: gold sets for model selection (not trained on)
DEV_SETS = ("dev5",)
#: (articles folder, gold folder) of every gold set
GOLD_SETS: dict[str, tuple[Path, Path]] = {
    "seeds": (ROOT / "seeds", ROOT / "tests" / "data" / "gold"),
    "articles": (ROOT / "tests" / "data" / "articles", ROOT / "tests" / "data" / "gold"),
    **{d.name: (d, d / "gold") for d in sorted((ROOT / "tests" / "data").glob("*/"))
       if (d / "gold").is_dir() and d.name != "gold"},
}
_STRONG = ("PERSON", "ORGANISATION", "PROJECT")
_QUOTES = set("«»\"“”„'")


def held_out(set_name: str, article_id: str) -> bool:
    """Whether an article is kept out of training (:data:`NOT_TRAINED_ON`).

    >>> held_out("blind7", "802_shymkent_mektep"), held_out("blind7", "801_kyzylorda_skrining")
    (True, False)
    >>> held_out("blind8", "901_turkistan_zhumys")
    True
    """
    return _listed(NOT_TRAINED_ON, set_name, article_id)


def never_looked_at(set_name: str, article_id: str) -> bool:
    """Whether an article is in a never-looked-at part (:data:`NEVER_LOOKED_AT`).

    >>> never_looked_at("blind8", "902_kostanai_zhastar_grant"), never_looked_at("blind8", "901_x")
    (True, False)
    """
    return _listed(NEVER_LOOKED_AT, set_name, article_id)


def _listed(table: dict[str, tuple[str, ...]], set_name: str, article_id: str) -> bool:
    return any(fnmatch.fnmatch(article_id, p) for p in table.get(set_name, ()))


def annotate_article(text: str, gold: dict[str, Any], nlp: Any, base: Any | None,
                     stats: Counter[str]) -> list[tuple[list[str], list[str]]]:
    """``(words, tags)`` of each body sentence of one gold article."""
    from kg.extract.entities import extract_entities
    from kg.nlp.sentences import split_sentences
    from kg.read import body_spans

    sentences = split_sentences(text, body_spans(text))
    rules = extract_entities(text, sentences, [])
    places = sorted({(m.start, m.end) for p in rules.places for m in p.mentions})
    orgs = sorted({tuple(_tokens_of(nlp, o["name"])) for o in gold.get("organisations", [])
                   if o.get("name")}, key=len, reverse=True)
    gold_heads = {_stem(o[-1]) for o in orgs if o}
    people = [p for p in gold.get("people", []) if p.get("name")]
    projects = [_tokens_of(nlp, str(p).strip("«»\"“” ")) for p in gold.get("projects", []) if p]
    figures = [(f, _tokens_of(nlp, f["text"])) for f in gold.get("figures", []) if f.get("text")]
    found_orgs: set[tuple[str, ...]] = set()
    out = []
    for sent in sentences:
        doc = nlp.make_doc(text[sent.start:sent.end])
        toks = [t.text for t in doc]
        spans: list[Span] = []
        for words in orgs:  # longest first: an outer name wins over the parent inside it
            for s, e in match_name(toks, list(words)):
                if _place(spans, (s, e, "ORGANISATION")):
                    found_orgs.add(words)
        person_spans = []
        for p in people:
            for s, e in _person_spans(toks, p["name"]):
                if _place(spans, (s, e, "PERSON")):
                    person_spans.append((s, e, p))
        for s, e, p in person_spans:  # the post right before the name (or right after it)
            post = _tokens_of(nlp, str(p.get("position") or ""))
            for ps, pe in match_name(toks, post) if post else []:
                if pe == s or ps == e or (pe == s - 1 and toks[s - 1] in (",", "–", "-")) or (
                        ps == e + 1 and toks[e] == ","):
                    _place(spans, (ps, pe, "POSITION"))
                    stats["posts"] += 1
        for words in projects:
            for s, e in match_name(toks, words):
                _place(spans, (s, e, "PROJECT"))
        model: list[Span] = []
        if base is not None:
            tagged = base(doc.copy())
            model = [(ent.start, ent.end, ent.label_) for ent in tagged.ents]
        for f, ftoks in figures:
            label = _figure_label(f)
            span = _figure_span(toks, ftoks, label)
            if span and not any(s < span[1] and span[0] < e for s, e, _ in model):
                _place(spans, (*span, label))
                stats["figures from gold"] += 1
        for a, b in places:
            if sent.start <= a and b <= sent.end:
                sp = doc.char_span(a - sent.start, b - sent.start, alignment_mode="expand")
                if sp is not None:  # KazNERD: «Алматы облысы», but «Шымкент» қаласы
                    end = sp.end - (len(sp) > 1 and sp[-1].lower_.startswith(
                        ("қала", "аудан", "ауыл")))
                    _place(spans, (sp.start, end, "GPE"))
        for s, e, label in model:
            if any(a < e and s < b for a, b, _ in spans):
                continue
            if label in _STRONG and not (label == "ORGANISATION" and _stem(toks[e - 1])[:6] in
                                         {h[:6] for h in gold_heads}):
                stats[f"model {label} dropped"] += 1
                continue
            _place(spans, (s, e, label))
        for _, _, label in spans:
            stats[label] += 1
        out.append((toks, to_bio(len(toks), sorted(spans))))
    stats["gold organisations"] += len(orgs)
    stats["gold organisations found"] += len(found_orgs)
    return out


def gold_articles(include_held_out: bool = False) -> Iterator[tuple[str, str, str, dict]]:
    """``(set, article id, text, gold)`` of every gold article (never-looked-at ones left out)."""
    from kg.read import read_inputs

    for set_name, (folder, gold_dir) in GOLD_SETS.items():
        files = sorted(p for p in folder.glob("*") if p.suffix in (".txt", ".jsonl"))
        for art in read_inputs(files):
            if not hasattr(art, "text"):
                continue
            gold_file = gold_dir / f"{art.id}.json"
            if not gold_file.is_file() or (held_out(set_name, art.id) and not include_held_out):
                continue
            yield set_name, art.id, art.text, json.loads(gold_file.read_text("utf-8"))


def cased_lines(path: Path) -> list[str]:
    """The lines of a raw-text file worth reading for silver data.

    ``kaznu_govnews_kk_side.txt`` is mostly lowercased and tokenised; only its lines with a
    capital after a space (names, «Мемлекет басшысы Н.Назарбаев …»), at least 60 characters
    long, with balanced «» quotes and no «;» glued between words, are kept. Other files:
    every non-empty line.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "kaznu_govnews_kk_side.txt"
    >>> _ = f.write_text("денсаулық сақтау министрлігі бизнеске ұсыныс жасады, ол жаңа жоба туралы .\\n"
    ...                  "Ұлттық экономика министрі Т.Сүлейменов Астанада екіжақты кездесулер өткізді\\n")
    >>> cased_lines(f)
    ['Ұлттық экономика министрі Т.Сүлейменов Астанада екіжақты кездесулер өткізді']
    """
    lines = [x.strip() for x in path.read_text("utf-8").splitlines() if x.strip()]
    if not path.name.startswith("kaznu_govnews"):
        return lines
    return [x for x in dict.fromkeys(lines) if len(x) >= 60 and _CAPITAL_INSIDE.search(x)
            and x.count("«") == x.count("»") and not _GLUED.search(x)]


_CAPITAL_INSIDE = re.compile(r"\s[А-ЯӘІҢҒҮҰҚӨҺA-Z]")
_GLUED = re.compile(r"\w;\w")


def silver_sentences(path: Path, nlp: Any, base: Any, limit: int, stats: Counter[str],
                     exact: bool = False) -> list[tuple[list[str], list[str]]]:
    """Sentences of cased raw text where the rules name an organisation and the KazNERD model
    agrees on every PERSON/ORGANISATION it sees (sure ones only); the rules' spans win.
    With ``exact``, the model's ORGANISATION spans must also be exactly the rules' ones, and
    its POSITION spans are brought to our scheme (:func:`split_positions`)."""
    from kg.extract.entities import extract_entities
    from kg.nlp.sentences import split_sentences

    lines = cased_lines(path)
    out = []
    for c in range(0, len(lines), 12):
        text = "\n".join(lines[c:c + 12])
        sentences = split_sentences(text)
        ents = extract_entities(text, sentences, [])
        rule_spans = [(m.start, m.end, "ORGANISATION") for o in ents.organisations
                      for m in o.mentions if m.text[:1].isupper() or m.text[:1] in "«\""]
        rule_spans += [(m.start, m.end, "PERSON") for p in ents.people if " " in p.name
                       for m in p.mentions]
        for sent in sentences:
            inside = [(a, b, lab) for a, b, lab in rule_spans
                      if sent.start <= a and b <= sent.end]
            if not any(lab == "ORGANISATION" for _, _, lab in inside):
                continue
            doc = nlp.make_doc(text[sent.start:sent.end])
            spans: list[Span] = []
            for a, b, lab in inside:
                sp = doc.char_span(a - sent.start, b - sent.start, alignment_mode="expand")
                if sp is not None:
                    _place(spans, (sp.start, sp.end, lab))
            tagged = base(doc.copy())
            model = [(e.start, e.end, e.label_) for e in tagged.ents]
            if any(lab in ("PERSON", "ORGANISATION") and not any(
                    s < b and a < e for s, e, _ in spans) for a, b, lab in model):
                stats["silver disagreements"] += 1
                continue
            if exact and ({(a, b) for a, b, lab in model if lab == "ORGANISATION"}
                          != {(a, b) for a, b, lab in spans if lab == "ORGANISATION"}):
                stats["silver boundary disagreements"] += 1
                continue
            for s, e, lab in model:
                _place(spans, (s, e, lab))
            words, tags = [t.text for t in doc], to_bio(len(doc), sorted(spans))
            out.append((words, split_positions(words, tags) if exact else tags))
            if len(out) >= limit:
                return out
    return out


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[tuple[list[str], list[str]]]:
    """``(words, tags)`` of a file this module wrote."""
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out.append((r["words"], r["tags"]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "indomain")
    ap.add_argument("--base", type=Path, default=None,
                    help="the KazNERD-only model that tags the other labels (default: models/ner-trf)")
    ap.add_argument("--raw", type=Path, default=None, help="cased raw text for silver data")
    ap.add_argument("--silver", type=int, default=1500, help="at most this many silver sentences")
    ap.add_argument("--news", type=Path, nargs="?", const=Path("-"), default=None,
                    help="also government news (default raw-kk/kaznu_govnews_kk_side.txt): its "
                         "cased lines where the model's organisations are exactly the rules'")
    args = ap.parse_args(argv)
    import spacy

    import kg.nlp.lang  # noqa: F401
    from kg.nlp import load_pipeline
    from kg.nlp.train import default_data_dir

    nlp = spacy.blank("kk")
    base = load_pipeline(args.base)
    stats: Counter[str] = Counter()
    train, dev = [], []
    for set_name, art_id, text, gold in gold_articles():
        rows = [{"words": w, "tags": t, "article": f"{set_name}/{art_id}"}
                for w, t in annotate_article(text, gold, nlp, base, stats)]
        (dev if set_name in DEV_SETS else train).extend(rows)
        stats["articles dev" if set_name in DEV_SETS else "articles train"] += 1
    write_jsonl(args.out / "train.jsonl", train)
    write_jsonl(args.out / "dev.jsonl", dev)
    raw = args.raw or default_data_dir().parent / "raw-kk" / "apertium_kaz_texts.txt"
    silver = silver_sentences(raw, nlp, base, args.silver, stats) if raw.is_file() else []
    rows = [{"words": w, "tags": t, "article": raw.name} for w, t in silver]
    if args.news is not None:
        news = (default_data_dir().parent / "raw-kk" / "kaznu_govnews_kk_side.txt"
                if str(args.news) == "-" else args.news)
        got = silver_sentences(news, nlp, base, args.silver, stats, exact=True)
        rows += [{"words": w, "tags": t, "article": news.name} for w, t in got]
        stats["sentences silver news"] = len(got)
        silver += got
    write_jsonl(args.out / "silver.jsonl", rows)
    stats["sentences train"], stats["sentences dev"] = len(train), len(dev)
    stats["sentences silver"] = len(silver)
    print(json.dumps(dict(sorted(stats.items())), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
