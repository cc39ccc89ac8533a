#!/usr/bin/env bash
# Checks that a change leaves Lacuna's output byte-identical.
#
#   scripts/same-output.sh save DIR [LACUNA]      write the outputs of LACUNA into DIR
#   scripts/same-output.sh compare DIR [LACUNA]   compare LACUNA's outputs with those in DIR
#
# For every Corpora/*/bill.txt and every ../shared/statutes/*.txt (and the files named in
# $SAME_OUTPUT_EXTRA, separated by spaces), it runs `lacuna analyze --format json` and
# `--format text` and keeps standard output, standard error and the exit status.
# LACUNA defaults to .build/debug/lacuna. Run the builds compared from the same path (copy the
# later binary over the earlier, with its *.resources folders): the JSON's rulesVersion hashes
# the rule files' paths, which lie beside the binary. `compare` prints each file that differs and exits
# 1 when any does, 0 when all are the same.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
dir=${2:-}
lacuna=${3:-.build/debug/lacuna}
if [[ -z $mode || -z $dir || ( $mode != save && $mode != compare ) ]]; then
    echo "usage: scripts/same-output.sh save|compare DIR [LACUNA]" >&2
    exit 2
fi
if [[ ! -x $lacuna ]]; then
    echo "same-output: $lacuna is not an executable (build first)" >&2
    exit 2
fi

inputs=(Corpora/*/bill.txt)
for f in ../shared/statutes/*.txt ${SAME_OUTPUT_EXTRA:-}; do
    [[ -f $f ]] && inputs+=("$f")
done

# One file's outputs in one format, named after its path, into folder $1.
run_one() {
    local out=$1 f=$2 format=$3
    local name=${f//\//_}
    name=${name#..}   # ../shared/... would name a hidden file
    local status=0
    "$lacuna" analyze --format "$format" "$f" >"$out/$name.$format" 2>"$out/$name.$format.err" || status=$?
    echo "$status" >"$out/$name.$format.status"
}

# Every file's outputs into folder $1, $SAME_OUTPUT_JOBS (default 2) at a time.
run_all() {
    local out=$1
    mkdir -p "$out"
    local running=0
    for f in "${inputs[@]}"; do
        for format in json text; do
            run_one "$out" "$f" "$format" &
            running=$((running + 1))
            if ((running >= ${SAME_OUTPUT_JOBS:-2})); then
                wait -n
                running=$((running - 1))
            fi
        done
    done
    wait
}

if [[ $mode == save ]]; then
    rm -rf "$dir"
    run_all "$dir"
    echo "same-output: saved the outputs of ${#inputs[@]} files in $dir"
    exit 0
fi

[[ -d $dir ]] || { echo "same-output: $dir holds no saved outputs (run save first)" >&2; exit 2; }
now=$(mktemp -d)
trap 'rm -rf "$now"' EXIT
run_all "$now"
different=0
for f in "$dir"/*; do
    name=$(basename "$f")
    if ! cmp -s "$f" "$now/$name"; then
        echo "differs: $name"
        different=1
    fi
done
if [[ $different == 0 ]]; then
    echo "same-output: ${#inputs[@]} files, json and text: identical"
fi
exit $different
