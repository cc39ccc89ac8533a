#!/usr/bin/env bash
# Installs what Lacuna needs and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# No function in Sources/ longer than 80 lines without a comment saying why.
python3 scripts/long-functions.py
swift build --build-tests
swift test --skip-build
