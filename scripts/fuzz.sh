#!/usr/bin/env bash
# Fuzzes ingest and segmentation (every reader: text, Word, HTML, Akoma Ntoso) with
# libFuzzer for a bounded time, then reports what it found.
#
#   scripts/fuzz.sh            # 60 seconds
#   scripts/fuzz.sh 600        # ten minutes
#   scripts/fuzz.sh 0 FILE...  # replay inputs (a crash artifact, a corpus file) and exit
#
# The harness is the separate package in Fuzz/ (its targets link to the real sources), built
# with `-sanitize=fuzzer`; the normal `swift build` and `swift test` never see it. The corpus
# and crash artifacts go to Fuzz/.build/fuzz/. A crash is fixed in the sources and kept as a
# regression test in Tests/LacunaTextTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true

swift build --package-path Fuzz -c debug -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library --product IngestFuzzer
bin=Fuzz/.build/debug/IngestFuzzer
# Let libFuzzer, not the Swift runtime's backtracer, handle a trap: it saves the input.
export SWIFT_BACKTRACE=enable=no
work=Fuzz/.build/fuzz
mkdir -p "$work/corpus" "$work/artifacts"

if [ "$#" -gt 0 ]; then
    exec "$bin" -runs=1 -timeout=10 -rss_limit_mb=2048 "$@"
fi

# Findings of an earlier run are kept aside, not lost.
if [ -n "$(ls -A "$work/artifacts")" ]; then
    mkdir -p "$work/previous-artifacts"
    mv "$work/artifacts"/* "$work/previous-artifacts/"
fi
LACUNA_FUZZ_SEEDS="$work/corpus" "$bin"

status=0
"$bin" "$work/corpus" \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -dict=Fuzz/ingest.dict -artifact_prefix="$work/artifacts/" -print_final_stats=1 || status=$?

artifacts=$(find "$work/artifacts" -type f | wc -l)
echo
echo "fuzz: ran ${seconds}s; corpus $(find "$work/corpus" -type f | wc -l) inputs; $artifacts artifact(s) in $work/artifacts"
if [ "$status" -ne 0 ] || [ "$artifacts" -gt 0 ]; then
    echo "fuzz: replay a finding with: scripts/fuzz.sh 0 $work/artifacts/<file>"
    exit 1
fi
