#!/usr/bin/env bash
# Scores the analyzer on the labelled development statutes in ../shared/statutes.
#   scripts/score.sh [--verbose]        (builds first; extra flags go to score.py)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product lacuna >/dev/null
bin="$(swift build -c release --show-bin-path)/lacuna"
python3 ../shared/tools/score.py --statutes ../shared/statutes --analyzer "$bin analyze --format json" "$@"
