#!/usr/bin/env bash
# Checks that the HTML report prints well: prints the weak draft's report to PDF with
# headless Chromium, on A4 and on Letter, and counts the pages (pdfinfo, poppler-utils):
# at most 12 A4 pages with the annex of the annotated text (13 on Letter, a page 6% shorter), the gaps before the list of all
# findings, and the annex's highlights labelled with their findings' numbers. Needs a
# built lacuna (swift build), chromium and poppler-utils; scripts/test.sh runs it when
# chromium is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
lacuna=${LACUNA:-.build/debug/lacuna}
limit=${PRINT_PAGE_LIMIT:-12}
chrome=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chrome" ] || { echo "print-check: chromium is not installed" >&2; exit 2; }
command -v pdfinfo >/dev/null || { echo "print-check: pdfinfo (poppler-utils) is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# print HTML PDF: headless Chromium, no header or footer of its own, a profile of its own.
print() {
  timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
    --no-pdf-header-footer --print-to-pdf="$2" "file://$1" >"$work/chromium.log" 2>&1 || true
  [ -s "$2" ] || { cat "$work/chromium.log" >&2; echo "print-check: chromium printed nothing for $1" >&2; exit 1; }
}
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
size() { pdfinfo "$1" | awk '/^Page size:/ { printf "%.0f x %.0f", $3, $5 }'; }

status=0
for paper in a4 letter; do
  "$lacuna" analyze Corpora/weak-draft/bill.txt --format html --paper "$paper" -o "$work/weak-$paper.html"
  print "$work/weak-$paper.html" "$work/weak-$paper.pdf"
  n=$(pages "$work/weak-$paper.pdf")
  echo "print-check: weak draft on $paper ($(size "$work/weak-$paper.pdf") pt): $n pages"
  most=$limit; [ "$paper" = letter ] && most=$((limit + 1))
  [ "$n" -le "$most" ] || { echo "print-check: more than $most pages on $paper" >&2; status=1; }
done
# A4 is 595 x 842 points, Letter 612 x 792: the @page rule chose the paper.
[ "$(size "$work/weak-a4.pdf")" = "595 x 842" ] || { echo "print-check: the A4 report is not on A4 paper" >&2; status=1; }
[ "$(size "$work/weak-letter.pdf")" = "612 x 792" ] || { echo "print-check: the Letter report is not on Letter paper" >&2; status=1; }

# The order on paper, and the labels of the annex (pdftotext keeps the reading order).
if command -v pdftotext >/dev/null; then
  pdftotext -layout "$work/weak-a4.pdf" "$work/weak-a4.txt"
  gaps=$(grep -n "Gaps and recommendations" "$work/weak-a4.txt" | head -1 | cut -d: -f1)
  findings=$(grep -n "^ *Findings *$" "$work/weak-a4.txt" | head -1 | cut -d: -f1)
  annex=$(grep -n "Annex: the text" "$work/weak-a4.txt" | head -1 | cut -d: -f1)
  if [ -z "$gaps" ] || [ -z "$findings" ] || [ -z "$annex" ] || [ "$gaps" -ge "$findings" ] || [ "$findings" -ge "$annex" ]; then
    echo "print-check: expected the gaps, then the findings, then the annex (lines ${gaps:-?}, ${findings:-?}, ${annex:-?})" >&2; status=1
  fi
  labels=$(sed -n "${annex:-1},\$p" "$work/weak-a4.txt" | grep -oE '\bF[0-9]+\b' | sort -u | wc -l)
  [ "$labels" -ge 5 ] || { echo "print-check: the annex shows $labels finding labels" >&2; status=1; }
  echo "print-check: the annex labels its highlights with $labels findings"
fi
# Without the annex the report is shorter and has no annex.
"$lacuna" analyze Corpora/weak-draft/bill.txt --format html --no-annex -o "$work/weak-plain.html"
print "$work/weak-plain.html" "$work/weak-plain.pdf"
[ "$(pages "$work/weak-plain.pdf")" -lt "$(pages "$work/weak-a4.pdf")" ] || { echo "print-check: --no-annex did not shorten the report" >&2; status=1; }
exit $status
