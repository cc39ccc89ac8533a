#!/usr/bin/env bash
# Installs what Lacuna needs, builds it, and analyses a bundled sample bill.
#   scripts/setup.sh [FILE]     (default: Corpora/weak-draft/bill.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product lacuna
bin="$(swift build -c release --show-bin-path)/lacuna"
echo "built $bin" >&2
"$bin" analyze "${1:-Corpora/weak-draft/bill.txt}"
