#!/usr/bin/env bash
# Installs what Lacuna needs and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --browser
# No function in Sources/ longer than 80 lines without a comment saying why.
python3 scripts/long-functions.py
swift build --build-tests
# lacuna serve in headless Chromium: upload a bill through the page, check the report, the
# explanation and the JSON download; screenshots in .build/browser-test.
python3 scripts/browser-test.py .build/debug/lacuna Corpora/common-law-act/bill.txt .build/browser-test
swift test --skip-build
