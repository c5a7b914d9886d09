#!/usr/bin/env bash
# Debian packages some tests use (optional: each test skips with a reason when its tool is absent).
#   raptor2-utils       rapper, an independent Turtle parser for tests/test_export.py
#   chromium            headless browser for tests/test_serve.py (the query page)
#   libapache-jena-java Apache Jena (TDB2, ARQ) for tests/test_jena.py
#   default-jre-headless  java for the Jena jars
#   fonts-dejavu-core   a Cyrillic font (matplotlib bundles DejaVu Sans too)
# Idempotent and quiet; installs only what is missing; never fails the build: without
# root or apt-get it prints a warning and exits 0.
set -u

PACKAGES=(raptor2-utils chromium libapache-jena-java default-jre-headless fonts-dejavu-core)

warn() { echo "install-system.sh: warning: $*" >&2; }

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
  done
else
  missing=("${PACKAGES[@]}")
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  warn "apt-get not available; install these yourself for the optional tests: ${missing[*]}"
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  warn "not root; run 'sudo apt-get install -y ${missing[*]}' for the optional tests"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
  # the package lists may be stale or absent: refresh once and retry
  if ! { apt-get update -q >/dev/null 2>&1 &&
         apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1; }; then
    warn "could not install ${missing[*]}; the tests that need them will be skipped"
  fi
fi
exit 0
