#!/usr/bin/env bash
# Installs the system libraries Lacuna builds against (Debian/Ubuntu), when missing:
# libpcre2-dev (the PCRE2 pattern engine), libsqlite3-dev (the batch store) and pkg-config.
set -euo pipefail
need=()
pkg-config --exists libpcre2-8 2>/dev/null || need+=(libpcre2-dev)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)   # the batch store (GRDB)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    echo "installing: ${need[*]}" >&2
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "please install: ${need[*]} (PCRE2 development files and pkg-config)" >&2
    exit 1
  fi
fi
