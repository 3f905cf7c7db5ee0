#!/usr/bin/env bash
# Builds the pinned k6 from the Go module proxy once, into .local/toolchain/bin, with the Go
# module and build caches under .local/downloads/go; later runs only check the version.
# Prints the path of the k6 binary. Usage: K6=$(bash deploy/bin/k6.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

K6_VERSION=v1.8.1
bin="$PWD/.local/toolchain/bin"
if [[ $("$bin/k6" version 2>/dev/null) != "k6 $K6_VERSION "* ]]; then
  go=$(bash deploy/bin/go.sh)
  echo "k6: building go.k6.io/k6@$K6_VERSION from the Go module proxy (about 2 minutes, once)" >&2
  mkdir -p "$bin" .local/downloads/go
  GOBIN="$bin" GOMODCACHE="$PWD/.local/downloads/go/mod" GOCACHE="$PWD/.local/downloads/go/build" \
    GOTOOLCHAIN=local "$go" install "go.k6.io/k6@$K6_VERSION" >&2
fi
echo "$bin/k6"
