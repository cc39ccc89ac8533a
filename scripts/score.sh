#!/usr/bin/env bash
# Scores the analyzer on labelled statutes with shared/tools/score.py.
#   scripts/score.sh [--verbose]            the development statutes in ../shared/statutes
#   scripts/score.sh --corpora [--verbose]  the project's own sample bills in Corpora/
#   scripts/score.sh [--corpora] --wrap     the same texts hard-wrapped at 78 columns, as text
#                                           extracted from PDFs is (a robustness check)
# Builds (debug unless CONFIG=release) first; other flags go to score.py.
set -euo pipefail
cd "$(dirname "$0")/.."
config="${CONFIG:-debug}"
swift build -c "$config" --product lacuna >/dev/null
bin="$(swift build -c "$config" --show-bin-path)/lacuna"
statutes=../shared/statutes
corpora=0; wrap=0; rest=()
for a in "$@"; do
  case "$a" in --corpora) corpora=1 ;; --wrap) wrap=1 ;; *) rest+=("$a") ;; esac
done
set -- "${rest[@]+"${rest[@]}"}"
if [ "$corpora" = 1 ]; then
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
if [ "$wrap" = 1 ]; then
  wrapped="$(mktemp -d)"
  python3 - "$statutes" "$wrapped" <<'PY'
import os, shutil, sys, textwrap
src, dst = sys.argv[1], sys.argv[2]
for name in os.listdir(src):
    if name.endswith(".txt"):
        out = []
        for line in open(os.path.join(src, name), encoding="utf-8").read().split("\n"):
            out.extend(textwrap.wrap(line, 78, break_long_words=False, break_on_hyphens=False) or [""])
        open(os.path.join(dst, name), "w", encoding="utf-8").write("\n".join(out) + "\n")
shutil.copy(os.path.join(src, "labels.tsv"), os.path.join(dst, "labels.tsv"))
PY
  statutes="$wrapped"
fi
python3 ../shared/tools/score.py --statutes "$statutes" --analyzer "$bin analyze --format json" "$@"
