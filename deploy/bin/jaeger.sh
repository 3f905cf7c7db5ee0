#!/usr/bin/env bash
# Builds the pinned Jaeger (v2, all in one: collector, memory storage, query API) from the Go
# module proxy once, into .local/toolchain/bin/jaeger-<version>, with the Go module and build
# caches under .local/downloads/go (or GOMODCACHE/GOCACHE when set); later runs only check that
# the file is there. Its go.mod has replace directives, so `go install module@version` refuses
# it: it is built as a tool of a throwaway module instead.
# Prints the path of the binary. Usage: JAEGER=$(bash deploy/bin/jaeger.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

JAEGER_VERSION=v1.75.0
package=github.com/jaegertracing/jaeger/cmd/jaeger
binary="$PWD/.local/toolchain/bin/jaeger-$JAEGER_VERSION"
if [[ ! -x $binary ]]; then
  go=$(bash deploy/bin/go.sh)
  echo "jaeger: building $package@$JAEGER_VERSION from the Go module proxy (minutes, once)" >&2
  module="$PWD/.local/downloads/go/jaeger-$JAEGER_VERSION"
  rm -rf "$module"
  mkdir -p "$module" "$(dirname "$binary")"
  export GOMODCACHE=${GOMODCACHE:-$PWD/.local/downloads/go/mod}
  export GOCACHE=${GOCACHE:-$PWD/.local/downloads/go/build}
  export GOTOOLCHAIN=local GOFLAGS=-mod=mod
  (
    cd "$module"
    "$go" mod init headliner.local/jaeger-build
    "$go" get -tool "$package@$JAEGER_VERSION"
    "$go" build -trimpath -o "$binary.tmp" "$package"
  ) >&2
  mv -f "$binary.tmp" "$binary"
fi
echo "$binary"
