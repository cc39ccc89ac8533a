#!/usr/bin/env bash
# Installs the system libraries Lacuna builds against (Debian/Ubuntu), when missing:
# libpcre2-dev (the PCRE2 pattern engine), libsqlite3-dev (the batch store) and pkg-config;
# with apt-get, also the tools of the report checks (below); with --browser also chromium-driver
# (the real-browser test of `lacuna serve`).
set -euo pipefail
need=()
if [ "${1:-}" = "--browser" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fi
pkg-config --exists libpcre2-8 2>/dev/null || need+=(libpcre2-dev)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)   # the batch store (GRDB)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
# The release archive: scripts/package.sh strips the binary and reads its shared libraries
# (binutils); scripts/archive-test.sh asks the unpacked `lacuna serve` over HTTP (curl).
command -v readelf >/dev/null 2>&1 || need+=(binutils)
command -v curl >/dev/null 2>&1 || need+=(curl)
# The report checks (scripts/docx-check.sh, scripts/print-check.sh) convert and print reports
# with LibreOffice Writer and Chromium, headless, and count pages with poppler-utils; the
# smallest packages that do it, without their recommended extras. LACUNA_REPORT_TOOLS=0 skips
# them (the checks are then skipped too).
if [ "${LACUNA_REPORT_TOOLS:-1}" != 0 ] && command -v apt-get >/dev/null 2>&1; then
  command -v libreoffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
  fc-list 2>/dev/null | grep -q DejaVuSans || need+=(fonts-dejavu-core)
fi
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    echo "installing: ${need[*]}" >&2
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "${need[@]}" >/dev/null
  else
    echo "please install: ${need[*]} (PCRE2 and SQLite development files, pkg-config; chromium for the browser test)" >&2
    exit 1
  fi
fi
