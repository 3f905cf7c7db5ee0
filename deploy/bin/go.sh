#!/usr/bin/env bash
# Prints the path of a Go recent enough for the tools built from the Go module proxy (k6,
# Jaeger): the machine's, or Go 1.26.8 fetched once into .local/toolchain. Debian's golang-go
# is too old; without a recent one, fetch the toolchain the way GOTOOLCHAIN does: as a module
# zip from the Go module proxy (zips keep no file modes). Usage: GO=$(bash deploy/bin/go.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

GO_VERSION=1.26.8
go=$(command -v go || true)
if [[ -z $go ]] || ! "$go" version | grep -Eq 'go1\.(2[4-9]|[3-9][0-9])'; then
  goroot="$PWD/.local/toolchain/go$GO_VERSION"
  if [[ ! -x $goroot/bin/go ]]; then
    echo "go: fetching Go $GO_VERSION from the Go module proxy" >&2
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
echo "$go"
