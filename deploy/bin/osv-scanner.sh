#!/usr/bin/env bash
# Builds the pinned osv-scanner from the Go module proxy once, into the git-ignored
# .local/osv-scanner/; later runs only check the version. Prints the path of the osv-scanner command.
# Usage: OSV_SCANNER=$(bash deploy/bin/osv-scanner.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# v2.4.0: v2.5.0 stopped reading OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY (google/osv-scanner#2983)
# and v2.6.0 needs Go 1.27.
OSV_SCANNER_VERSION=2.4.0
bin="$PWD/.local/osv-scanner/$OSV_SCANNER_VERSION/bin"
if [[ $("$bin/osv-scanner" --version 2>/dev/null | head -1) != "osv-scanner version: $OSV_SCANNER_VERSION" ]]; then
  command -v go >/dev/null || {
    echo "osv-scanner: the go command is needed to build osv-scanner (Go >= 1.21)" >&2
    exit 1
  }
  echo "osv-scanner: building osv-scanner v$OSV_SCANNER_VERSION from the Go module proxy into ${bin#"$PWD/"}" >&2
  # GOTOOLCHAIN=auto: an older go fetches the toolchain the module asks for, from the same proxy.
  GOBIN="$bin" GOTOOLCHAIN=auto GOFLAGS=-mod=mod \
    go install "github.com/google/osv-scanner/v2/cmd/osv-scanner@v$OSV_SCANNER_VERSION" >&2
fi
echo "$bin/osv-scanner"
