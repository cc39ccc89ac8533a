#!/bin/bash
# The checks of scripts/archive-test.sh, run on the unpacked archive inside its environment
# (a copy of this file in the temporary folder: the source tree is out of reach by then).
# Environment: WORK (the temporary folder), PREFIX (the unpacked archive), VERSION (from the
# archive's name), STRENGTH (covered: source tree and toolchain hidden; uncovered: not).
set -euo pipefail
cd "$WORK/run"
lacuna="$PREFIX/bin/lacuna"
fail() { echo "archive-test: FAIL: $*" >&2; exit 1; }
ok() { echo "archive-test: ok: $*" >&2; }

# 0. The environment is what it claims to be.
[ "$(pwd -P)" = "$WORK/run" ] || fail "not in the temporary working directory"
if [ "$STRENGTH" = covered ]; then
  ! command -v swift >/dev/null 2>&1 || fail "swift is reachable: $(command -v swift)"
  while IFS= read -r d; do
    [ -z "$(ls -A "$d")" ] || fail "$d is still visible"
  done <"$WORK/hidden"
  [ -s "$WORK/embedded-paths" ] || fail "found no resource-bundle path compiled into the binary (has SwiftPM changed?)"
  while IFS= read -r p; do
    [ ! -e "$p" ] || fail "the build path $p compiled into the binary is reachable"
  done <"$WORK/embedded-paths"
  ok "source tree, toolchain and $(wc -l <"$WORK/embedded-paths") compiled-in build paths unreachable; PATH=$PATH"
fi

# The shared libraries INSTALL lists are all it needs, and all are here.
! ldd "$lacuna" | grep -q 'not found' || { ldd "$lacuna" >&2; fail "a shared library the binary needs is missing"; }
! grep -q '@[A-Z]*@' "$PREFIX/INSTALL" || fail "INSTALL has an unfilled placeholder: $(grep -o '@[A-Z]*@' "$PREFIX/INSTALL" | head -1)"
ok "shared libraries: $(ldd "$lacuna" | awk '{print $1}' | grep -E 'sqlite|pcre|xml' | tr '\n' ' ')"

# 1. --version: the tool, catalog and rules versions, agreeing with a report's.
"$lacuna" --version >version.txt
[ "$(sed -n 1p version.txt)" = "lacuna $VERSION" ] || fail "--version's first line: $(sed -n 1p version.txt)"
catalog=$(grep -o '"catalogVersion" : "[0-9a-f]*"' "$WORK/dev.json" | grep -o '[0-9a-f]\{16\}')
rules=$(grep -o '"rulesVersion" : "[0-9a-f]*"' "$WORK/dev.json" | grep -o '[0-9a-f]\{16\}')
grep -q "^catalog $catalog " version.txt || fail "--version does not give the report's catalog version $catalog"
grep -q "^rules .* $rules[,)]" version.txt || fail "--version does not give the report's rules version $rules"
ok "--version: $(tr '\n' '|' <version.txt)"

# 2. analyze: the same JSON report as the dev build's.
"$lacuna" analyze bill.txt --format json >archive.json
cmp -s archive.json "$WORK/dev.json" || { diff "$WORK/dev.json" archive.json | head -20 >&2; fail "analyze: JSON differs from the dev build's"; }
ok "analyze: JSON identical to the dev build's ($(wc -c <archive.json) bytes)"

# 3. batch: a folder of two bills into a new store, then the matrix from it.
"$lacuna" batch bills --db store.sqlite -q >batch.txt
"$lacuna" matrix --db store.sqlite --format csv >matrix.csv
grep -q '^alpha,' matrix.csv && grep -q '^beta,' matrix.csv || { cat batch.txt matrix.csv >&2; fail "batch/matrix: no rows for alpha and beta"; }
ok "batch: 2 bills into a new store; matrix rows alpha, beta"

# 4. rules --check: every rule's examples.
"$lacuna" rules --check >rules.txt || { tail -5 rules.txt >&2; fail "rules --check"; }
grep -q ' 0 failures$' rules.txt || fail "rules --check: $(tail -1 rules.txt)"
ok "rules --check: $(tail -1 rules.txt)"

# 5. serve on a free loopback port: health, one analysis, stop.
"$lacuna" serve --port 0 >serve.out 2>serve.err &
server=$!
stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap stop_server EXIT
url=""
for _ in $(seq 1 600); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' serve.out || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat serve.err >&2; fail "serve exited before listening"; }
  sleep 0.1
done
[ -n "$url" ] || fail "serve printed no address in 60 s"
curl -sSf "${url}api/health" >health.json || fail "GET /api/health"
curl -sSf --data-binary @bill.txt "${url}api/analyze?name=bill.txt&format=json" >api.json || fail "POST /api/analyze"
hash=$(grep -o '"contentHash" : "[0-9a-f]*"' archive.json)
grep -qF "$hash" api.json || fail "POST /api/analyze: not the report of bill.txt"
statuses() { grep -o '"status" : "[a-z]*"' "$1"; }
[ "$(statuses api.json)" = "$(statuses archive.json)" ] || fail "POST /api/analyze: findings differ from analyze's"
stop_server
trap - EXIT
ok "serve: $url, /api/health $(tr -d '\n ' <health.json | cut -c1-60), /api/analyze same findings as analyze"

# 6. The manual page: man reads it, it has every command, groff has no complaint.
page="$PREFIX/share/man/man1/lacuna.1"
if command -v man >/dev/null 2>&1; then
  MANPAGER=cat MANWIDTH=100 man -l "$page" >man.txt 2>man.err || { cat man.err >&2; fail "man -l $page"; }
  for c in analyze diff explain outline catalog rules batch matrix bench serve; do
    grep -q "lacuna $c" man.txt || fail "man page: no section for lacuna $c"
  done
  ok "man -l: $(wc -l <man.txt) lines"
else
  echo "archive-test: skipped: man -l (man is not installed)" >&2
fi
if command -v groff >/dev/null 2>&1; then
  # In UTF-8, and for ASCII as man formats in a C locale.
  for device in utf8 ascii; do
    groff -man -ww -z -T"$device" "$page" 2>groff.err; [ ! -s groff.err ] || { cat groff.err >&2; fail "groff -T$device warns about the man page"; }
  done
fi

# 7. The completion scripts parse (each shell that is installed).
bash -n "$PREFIX/share/bash-completion/completions/lacuna" || fail "bash completion does not parse"
! command -v zsh >/dev/null 2>&1 || zsh -n "$PREFIX/share/zsh/site-functions/_lacuna" || fail "zsh completion does not parse"
! command -v fish >/dev/null 2>&1 || fish -n "$PREFIX/share/fish/vendor_completions.d/lacuna.fish" || fail "fish completion does not parse"
ok "completions parse"

# 8. As INSTALL says: a link on PATH to the unpacked binary, run from elsewhere.
mkdir -p "$WORK/link"
ln -s "$lacuna" "$WORK/link/lacuna"
(cd "$WORK/home" && PATH="$WORK/link:$PATH" lacuna catalog --format json >"$WORK/run/catalog.json") || fail "lacuna through a link on PATH"
[ "$(grep -c '"id" :' catalog.json)" -gt 0 ] || fail "lacuna catalog through a link printed no requirements"
ok "a link on PATH finds the resources beside the real file"

# 9. Control: a copy of the binary without its catalog bundle must fail; so the catalog above
# came from the archive's bundle. (Only proves it when the build paths are covered.)
if [ "$STRENGTH" = covered ]; then
  mkdir -p "$WORK/control"
  cp -R "$PREFIX/bin/." "$WORK/control/"
  rm -rf "$WORK/control/Lacuna_ModelLaw.resources"
  # SwiftPM's resource accessor stops the program with a trap (bash reports "Illegal
  # instruction"), after one line naming the places it looked.
  if "$WORK/control/lacuna" catalog >control.out 2>control.err; then fail "control: lacuna ran without its catalog bundle"; fi
  grep -q "could not load resource bundle" control.err || { cat control.err >&2; fail "control: failed, but not for want of its bundle"; }
  ok "control: without Lacuna_ModelLaw.resources beside it, the binary stops (SwiftPM: could not load resource bundle)"
  echo "archive-test: passed ($VERSION): source tree, toolchain and build folders hidden in a mount namespace" >&2
else
  echo "archive-test: passed ($VERSION), WEAK: the source tree and build folders were reachable" >&2
fi
