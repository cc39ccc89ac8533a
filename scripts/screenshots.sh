#!/usr/bin/env bash
# Screenshots of the HTML report, the draft diff and the jurisdiction matrix, made with
# headless Chromium: each on a 1280 px wide screen, and its first page as printed (A4 for
# the report and the diff, landscape for the matrix, rendered at 96 dpi by pdftoppm).
#
#   scripts/screenshots.sh            regenerate docs/screenshots/*.png
#   scripts/screenshots.sh --check    make them in a temporary folder and check them: every
#                                     image there and of the right width, and the matrix page
#                                     no wider than 1280 px (its table scrolls in a frame)
#
# Needs a built lacuna (swift build), chromium and poppler-utils; scripts/test.sh runs the
# check when chromium is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
lacuna=${LACUNA:-.build/debug/lacuna}
chrome=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chrome" ] || { echo "screenshots: chromium is not installed" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "screenshots: pdftoppm (poppler-utils) is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check=0
out=docs/screenshots
if [ "${1:-}" = "--check" ]; then check=1; out="$work/out"; fi
mkdir -p "$out"

headless() { timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" "$@" 2>>"$work/chromium.log"; }
# shoot NAME HTML HEIGHT: the page on a 1280 px wide screen, and its first printed page.
shoot() {
  headless --hide-scrollbars --window-size=1280,"$3" --screenshot="$out/$1-1280.png" "file://$2" >/dev/null
  headless --no-pdf-header-footer --print-to-pdf="$work/$1.pdf" "file://$2" >/dev/null
  pdftoppm -r 96 -png -f 1 -l 1 -singlefile "$work/$1.pdf" "$out/$1-print"
}

# The report: the weak draft.
"$lacuna" analyze Corpora/weak-draft/bill.txt --format html -o "$work/report.html"
shoot report "$work/report.html" 1400
# The last printed page: the annex, every highlight labelled with its finding.
pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ { print $2 }')
pdftoppm -r 96 -png -f "$pages" -l "$pages" -singlefile "$work/report.pdf" "$out/report-print-annex"

# The diff: the weak draft against a second draft that rewrites the consent clause and the penalty.
sed -e 's/(2) It shall be a defence to a charge under subsection (1) that the person trafficked consented to the conduct complained of./(2) The consent of a victim to the intended exploitation is irrelevant where any of the means in subsection (1) has been used./' \
    -e 's/a term not exceeding two years/a term not exceeding fifteen years/' Corpora/weak-draft/bill.txt >"$work/bill-draft-2.txt"
"$lacuna" diff Corpora/weak-draft/bill.txt "$work/bill-draft-2.txt" --format html -o "$work/diff.html"
shoot diff "$work/diff.html" 1100

# The matrix: one document per sample of Corpora/, its folder as its jurisdiction.
for dir in Corpora/*/; do
  name=$(basename "$dir")
  file=$(find "$dir" -maxdepth 1 -name '*.txt' | sort | head -1)
  [ -n "$file" ] && mkdir -p "$work/corpus/$name" && cp "$file" "$work/corpus/$name/"
done
"$lacuna" batch "$work/corpus" --db "$work/corpus.sqlite" -q >/dev/null
"$lacuna" matrix --db "$work/corpus.sqlite" --format html -o "$work/matrix.html"
shoot matrix "$work/matrix.html" 900

if [ $check -eq 1 ]; then
  status=0
  # width NAME.png: read from the PNG header.
  width() { python3 -c 'import struct, sys; d = open(sys.argv[1], "rb").read(24); print(struct.unpack(">I", d[16:20])[0])' "$1"; }
  for f in report-1280 diff-1280 matrix-1280; do
    [ "$(width "$out/$f.png")" = 1280 ] || { echo "screenshots: $f.png is not 1280 px wide" >&2; status=1; }
  done
  # A4 at 96 dpi is 794 px wide; the matrix prints on landscape A4 (1123 px) or Letter (1056 px).
  for f in report-print report-print-annex diff-print; do
    [ "$(width "$out/$f.png")" = 794 ] || { echo "screenshots: $f.png is not an A4 page" >&2; status=1; }
  done
  w=$(width "$out/matrix-print.png"); [ "$w" -gt 1000 ] || { echo "screenshots: the matrix does not print landscape ($w px)" >&2; status=1; }
  # The matrix page at 1280 px: how wide its content is, measured by Chromium itself.
  sed 's|</body>|<script>document.title = "width " + document.documentElement.scrollWidth;</script></body>|' "$work/matrix.html" >"$work/matrix-measure.html"
  measured=$(headless --window-size=1280,900 --dump-dom "file://$work/matrix-measure.html" | grep -o '<title>width [0-9]*' | grep -o '[0-9]*$')
  if [ -z "$measured" ] || [ "$measured" -gt 1280 ]; then
    echo "screenshots: the matrix page is ${measured:-?} px wide at a 1280 px window" >&2; status=1
  else
    echo "screenshots: the matrix page is $measured px wide at a 1280 px window"
  fi
  exit $status
fi
ls "$out"
