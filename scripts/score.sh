#!/usr/bin/env bash
# Scores the analyzer on labelled statutes with shared/tools/score.py.
#   scripts/score.sh [--verbose]            the development statutes in ../shared/statutes
#   scripts/score.sh --corpora [--verbose]  the project's own sample bills in Corpora/
# Builds (debug unless CONFIG=release) first; other flags go to score.py.
set -euo pipefail
cd "$(dirname "$0")/.."
config="${CONFIG:-debug}"
swift build -c "$config" --product lacuna >/dev/null
bin="$(swift build -c "$config" --show-bin-path)/lacuna"
statutes=../shared/statutes
if [ "${1:-}" = "--corpora" ]; then
  shift
  statutes="$(mktemp -d)"
  python3 - "$statutes" <<'PY'
import csv, glob, os, shutil, sys
out = sys.argv[1]
with open(os.path.join(out, "labels.tsv"), "w", newline="") as f:
    w = csv.writer(f, delimiter="\t", lineterminator="\n")
    w.writerow(["file", "requirement", "status"])
    for exp in sorted(glob.glob("Corpora/*/expected.tsv")):
        name = os.path.basename(os.path.dirname(exp)) + ".txt"
        shutil.copy(os.path.join(os.path.dirname(exp), "bill.txt"), os.path.join(out, name))
        for row in csv.DictReader(open(exp, newline=""), delimiter="\t"):
            w.writerow([name, row["requirement"], row["status"]])
PY
fi
python3 ../shared/tools/score.py --statutes "$statutes" --analyzer "$bin analyze --format json" "$@"
