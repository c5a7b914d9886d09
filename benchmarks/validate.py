"""SHACL engines side by side: pyshacl-turbo (the default) against pySHACL (the reference).

For every article under the given paths (default: seeds/ and every tests/data set) and
for ``--damaged`` damaged copies of each (triples dropped, literals retyped, seeded), it
validates with both engines and prints how many verdicts and message lists agree, and the
time per article of each. Exit status 1 when any verdict or message differs.

    .venv/bin/python benchmarks/validate.py
    .venv/bin/python benchmarks/validate.py seeds --damaged 5
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def main(argv: list[str] | None = None) -> int:
    from test_validate_engines import damaged

    from kg.map import to_graph
    from kg.pipeline import extract
    from kg.read import read_inputs
    from kg.validate import validate

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path,
                    default=[ROOT / "seeds", *sorted((ROOT / "tests" / "data").glob("*/"))])
    ap.add_argument("--damaged", type=int, default=2, help="damaged copies per article")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    paths = [p for p in args.paths if p.name != "shapes"]
    articles = [a for a in read_inputs(paths) if hasattr(a, "text")]
    rng = random.Random(args.seed)
    graphs = []
    for a in articles:
        g = to_graph(extract(a, None))
        graphs.append((a.id, g))
        graphs += [(f"{a.id}~{i}", damaged(g, rng)) for i in range(args.damaged)]
    for name in ("turbo", "pyshacl"):  # warm: compile / import once, outside the timing
        validate(graphs[0][1], engine=name)
    results: dict[str, list] = {}
    seconds: dict[str, float] = {}
    for name in ("turbo", "pyshacl"):
        t0 = time.perf_counter()
        results[name] = [validate(g, engine=name) for _, g in graphs]
        seconds[name] = time.perf_counter() - t0
    same_verdict = same_messages = 0
    for (gid, _), fast, ref in zip(graphs, results["turbo"], results["pyshacl"], strict=True):
        same_verdict += fast.conforms == ref.conforms
        same_messages += fast.messages == ref.messages
        if fast.messages != ref.messages:
            print(f"DIFFERS {gid}: turbo {fast.conforms} {len(fast.messages)} messages, "
                  f"pyshacl {ref.conforms} {len(ref.messages)}")
    n = len(graphs)
    failing = sum(not r.conforms for r in results["pyshacl"])
    print(f"{len(articles)} articles + {n - len(articles)} damaged copies = {n} graphs "
          f"({failing} non-conforming by pySHACL)")
    print(f"same verdict {same_verdict}/{n}, same messages {same_messages}/{n}")
    for name in ("turbo", "pyshacl"):
        print(f"{name:8s} {seconds[name]:8.2f} s  {1000 * seconds[name] / n:8.1f} ms/graph")
    print(f"speed-up {seconds['pyshacl'] / seconds['turbo']:.1f}x")
    return 0 if same_messages == n else 1


if __name__ == "__main__":
    raise SystemExit(main())
