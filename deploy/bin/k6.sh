#!/usr/bin/env bash
# Builds the pinned k6 from the Go module proxy once, into .local/toolchain/bin, with the Go
# module and build caches under .local/downloads/go; later runs only check the version.
# Prints the path of the k6 binary. Usage: K6=$(bash deploy/bin/k6.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

K6_VERSION=v1.8.1
GO_VERSION=1.26.8
bin="$PWD/.local/toolchain/bin"
if [[ $("$bin/k6" version 2>/dev/null) != "k6 $K6_VERSION "* ]]; then
  go=$(command -v go || true)
  # k6 needs a recent Go; Debian's golang-go is too old. Without one, fetch the Go toolchain the
  # way GOTOOLCHAIN does: as a module zip from the Go module proxy (zips keep no file modes).
  if [[ -z $go ]] || ! "$go" version | grep -Eq 'go1\.(2[4-9]|[3-9][0-9])'; then
    goroot="$PWD/.local/toolchain/go$GO_VERSION"
    if [[ ! -x $goroot/bin/go ]]; then
      echo "k6: fetching Go $GO_VERSION from the Go module proxy" >&2
      mkdir -p .local/downloads "$goroot"
      zip=".local/downloads/go$GO_VERSION.zip"
      curl -sSfL -o "$zip" \
        "https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go$GO_VERSION.linux-amd64.zip"
      python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
        "$zip" "$goroot.unpacked"
      cp -a "$goroot.unpacked/golang.org/toolchain@v0.0.1-go$GO_VERSION.linux-amd64/." "$goroot/"
      rm -rf "$goroot.unpacked"
      chmod +x "$goroot"/bin/* "$goroot"/pkg/tool/*/*
    fi
    go="$goroot/bin/go"
  fi
  echo "k6: building go.k6.io/k6@$K6_VERSION from the Go module proxy (about 2 minutes, once)" >&2
  mkdir -p "$bin" .local/downloads/go
  GOBIN="$bin" GOMODCACHE="$PWD/.local/downloads/go/mod" GOCACHE="$PWD/.local/downloads/go/build" \
    GOTOOLCHAIN=local "$go" install "go.k6.io/k6@$K6_VERSION" >&2
fi
echo "$bin/k6"
