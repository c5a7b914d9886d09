"""Latin-script input vs Cyrillic: build a corpus as given and transliterated, compare.

    .venv/bin/python benchmarks/latin.py seeds tests/data [--scheme 2021|2018|2017] [--no-ner] [--summary]

For each article set, the Cyrillic text and its transliteration (our 2021
transliterator, or the 2017/2018 variants) are built into two temporary stores;
the script prints how many people, organisations, projects and figures (value,
unit, reporter) the Latin build shares with the Cyrillic one (Jaccard), with the
differences listed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_latin import _V2017, _V2018, graph_facts, variant  # noqa: E402

from kg.normalise.translit import translit  # noqa: E402
from kg.pipeline import build  # noqa: E402
from kg.read.sources import iter_files  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--scheme", default="2021", choices=("2021", "2018", "2017"))
    ap.add_argument("--no-ner", action="store_true")
    ap.add_argument("--summary", action="store_true",
                    help="Jaccard lines only, no differences (for never-looked-at articles)")
    args = ap.parse_args()
    files = [f for f in iter_files(args.paths) if isinstance(f, Path) and f.suffix == ".txt"]
    convert = {"2021": translit, "2018": lambda t: variant(t, _V2018),
               "2017": lambda t: variant(t, _V2017)}[args.scheme]
    nlp = None if args.no_ner else "default"
    if nlp == "default":
        from kg.nlp import load_pipeline

        nlp = load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        lat = Path(tmp) / "latin"
        lat.mkdir()
        for f in files:
            (lat / f.name).write_text(convert(f.read_text(encoding="utf-8")), encoding="utf-8")
        build(files, Path(tmp) / "cyr", nlp=nlp)
        build([lat], Path(tmp) / "lat", nlp=nlp)
        want, got = graph_facts(Path(tmp) / "cyr"), graph_facts(Path(tmp) / "lat")
    print(f"{len(files)} articles, Latin scheme {args.scheme}, NER {'off' if args.no_ner else 'on'}")
    for key in ("people", "organisations", "projects", "figures"):
        a, b = set(want[key]), set(got[key])  # type: ignore[call-overload]
        j = len(a & b) / max(1, len(a | b))
        print(f"  {key:14} cyrillic {len(a):5}  latin {len(b):5}  shared {len(a & b):5}  Jaccard {j:.3f}")
        if args.summary:
            continue
        for x in sorted(a - b)[:5]:
            print("     only cyrillic:", x)
        for x in sorted(b - a)[:5]:
            print("     only latin:   ", x)


if __name__ == "__main__":
    main()
