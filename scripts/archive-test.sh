#!/usr/bin/env bash
# Tests the release archive as someone without Swift runs it (scripts/test.sh runs this).
#
# Unpacks dist/lacuna-*.tar.gz (built by scripts/package.sh, or LACUNA_ARCHIVE=FILE) into a
# temporary folder and runs its binary from another working directory, with an empty
# environment (env -i, PATH=/usr/bin:/bin), in a mount namespace where the source tree (which
# holds the build folders), the Swift toolchain and SwiftPM's caches are covered by empty
# read-only mounts. The binary still names its build folder (SwiftPM's fallback for resource
# bundles): the test checks that every such path is unreachable, so the catalog and rule packs
# can only come from the archive. A control then runs a copy without its catalog bundle,
# which must fail. Without a mount namespace (not root, no user namespaces) it runs the same
# checks uncovered and says so: then it proves less.
#
# Checks: --version; analyze (JSON identical to the dev build's); batch (two bills into a new
# store, then matrix); rules --check; serve (GET /api/health, POST /api/analyze, stop); the
# manual page through man -l; the completion scripts parse; a link to the binary on PATH.
#   scripts/archive-test.sh     (LACUNA: the dev build, default .build/debug/lacuna)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)
archive=${LACUNA_ARCHIVE:-}
[ -n "$archive" ] || archive=$(scripts/package.sh | tail -n 1)
archive=$(cd "$(dirname "$archive")" && pwd -P)/$(basename "$archive")
dev=${LACUNA:-.build/debug/lacuna}
[ -x "$dev" ] || swift build --product lacuna >&2
dev=$(cd "$(dirname "$dev")" && pwd -P)/$(basename "$dev")

work=$(mktemp -d /tmp/lacuna-archive-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
case "$work/" in "$root"/*) echo "archive-test: the temporary folder is inside the source tree" >&2; exit 2 ;; esac
name=$(basename "$archive" .tar.gz)
version=${name#lacuna-}; version=${version%-linux-*}
mkdir -p "$work/opt" "$work/run/bills/alpha" "$work/run/bills/beta" "$work/home"
tar -xzf "$archive" -C "$work/opt"
prefix="$work/opt/$name"
[ -x "$prefix/bin/lacuna" ] || { echo "archive-test: $archive has no $name/bin/lacuna" >&2; exit 1; }

# Inputs copied out of the source tree, and the dev build's report of the same file, run the
# same way (same working directory, same relative path), to compare with the archive's.
cp Corpora/common-law-act/bill.txt "$work/run/bill.txt"
cp Corpora/weak-draft/bill.txt "$work/run/bills/alpha/bill.txt"
cp Corpora/civil-law-code/bill.txt "$work/run/bills/beta/code.txt"
(cd "$work/run" && "$dev" analyze bill.txt --format json >"$work/dev.json")

# What must be out of reach: the source tree, the toolchain, SwiftPM's caches; and the
# build-folder paths compiled into the binary.
swift_prefix=""
if command -v swift >/dev/null 2>&1; then
  swift_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")   # .../usr
  [ "$swift_prefix" = /usr ] && swift_prefix=/usr/lib/swift || swift_prefix=$(dirname "$swift_prefix")
fi
hide=("$root")
for d in "$swift_prefix" /opt/swift-packages "$HOME/.swiftpm" "$HOME/.cache/org.swift.swiftpm"; do
  [ -n "$d" ] && [ -d "$d" ] && hide+=("$d")
done
strings -a "$prefix/bin/lacuna" | grep -E '^/.*\.resources$' | sort -u >"$work/embedded-paths" || true
printf '%s\n' "${hide[@]}" >"$work/hidden"
export WORK="$work" PREFIX="$prefix" VERSION="$version"
cp scripts/archive-test-inner.sh "$work/inner.sh"

covered="$work/covered.sh"
cat >"$covered" <<'EOF'
set -eu
while IFS= read -r d; do mount -t tmpfs -o ro,size=4k,mode=0555 lacuna-hidden "$d"; done <"$WORK/hidden"
exec env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 WORK="$WORK" PREFIX="$PREFIX" VERSION="$VERSION" \
  STRENGTH=covered /bin/bash "$WORK/inner.sh"
EOF
if unshare --mount --propagation private /bin/true 2>/dev/null; then
  unshare --mount --propagation private /bin/bash "$covered"
elif unshare --user --map-root-user --mount /bin/true 2>/dev/null; then
  unshare --user --map-root-user --mount --propagation private /bin/bash "$covered"
else
  echo "archive-test: WEAK: no mount namespace here; the source tree, the toolchain and the build folder stay reachable" >&2
  env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 WORK="$work" PREFIX="$prefix" VERSION="$version" \
    STRENGTH=uncovered /bin/bash "$work/inner.sh"
fi
