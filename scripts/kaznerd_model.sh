#!/usr/bin/env bash
# The KazNERD-only transformer NER (models/ner-trf before issue 11's in-domain data), taken
# out of git history into build/ner-kaznerd: the base that tags kg.nlp.indomain's other labels
# and the middle row of benchmarks/ablation.py. `make train-trf` trains it afresh instead.
set -euo pipefail
cd "$(dirname "$0")/.."
COMMIT=${1:-9977091}
OUT=${2:-build/ner-kaznerd}
rm -rf "$OUT" && mkdir -p "$OUT"
git archive "$COMMIT" models/ner-trf | tar -x -C "$OUT" --strip-components=2
echo "KazNERD-only model of commit $COMMIT in $OUT"
