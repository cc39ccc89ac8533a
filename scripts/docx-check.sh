#!/usr/bin/env bash
# Checks that the Word report (`lacuna analyze --format docx`) is a file LibreOffice opens:
# converts the weak draft's report to plain text with LibreOffice headless and looks for the
# report's parts and the draft's own words in what LibreOffice read. Needs a built lacuna
# (swift build) and libreoffice; scripts/test.sh runs it when libreoffice is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
lacuna=${LACUNA:-.build/debug/lacuna}
office=$(command -v libreoffice || command -v soffice || true)
[ -n "$office" ] || { echo "docx-check: libreoffice is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$lacuna" analyze Corpora/weak-draft/bill.txt --format docx -o "$work/weak-draft.docx"
# A profile of its own, so that a running LibreOffice or a first-start dialog cannot interfere.
HOME="$work" timeout 300 "$office" -env:UserInstallation="file://$work/profile" --headless \
  --convert-to "txt:Text (encoded):UTF8" --outdir "$work" "$work/weak-draft.docx" >"$work/convert.log" 2>&1 || {
  cat "$work/convert.log" >&2; echo "docx-check: LibreOffice could not convert the report" >&2; exit 1; }
[ -s "$work/weak-draft.txt" ] || { cat "$work/convert.log" >&2; echo "docx-check: LibreOffice wrote no text" >&2; exit 1; }
json=$("$lacuna" analyze Corpora/weak-draft/bill.txt --format json)
missing=0
expect() {
  grep -qF -- "$1" "$work/weak-draft.txt" || { echo "docx-check: LibreOffice's text lacks: $1" >&2; missing=1; }
}
for heading in "Executive summary" "Coverage by area" "Most serious findings" "Findings" "Recommendations"; do
  expect "$heading"
done
# The title, a finding's title, a recommendation, a drafting suggestion and an evidence quote,
# each taken from the JSON report of the same run.
while IFS= read -r line; do expect "$line"; done < <(printf '%s' "$json" | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("Gap analysis: " + (r["document"].get("title") or r["document"]["path"].split("/")[-1]))
gaps = [f for f in r["findings"] if f["status"] != "met"]
quoted = [f for f in r["findings"] if f["evidence"]]
flat = lambda s: " ".join(s.split())
print(r["findings"][0]["title"])
print(flat(gaps[0]["recommendation"])[:60])
print(flat(next(f["drafting"] for f in gaps if f.get("drafting")))[:60])
print(flat(quoted[0]["evidence"][0]["text"])[:40])
')
[ $missing -eq 0 ] || exit 1
echo "docx-check: LibreOffice opened the Word report ($(wc -l <"$work/weak-draft.txt") lines of text)"
