#!/usr/bin/env bash
# Builds the pinned inferno (flame graphs from folded stacks) from crates.io once, into the
# git-ignored .local/inferno/<version>/; later runs find it there. Prints the path of inferno-flamegraph.
# Usage: INFERNO_FLAMEGRAPH=$(bash deploy/bin/inferno.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

INFERNO_VERSION=0.12.8
root="$PWD/.local/inferno/$INFERNO_VERSION"
bin="$root/bin/inferno-flamegraph"
# inferno-flamegraph has no --version: the version is in the folder it was built into.
if [[ ! -x $bin ]]; then
  command -v cargo >/dev/null || {
    echo "inferno: the cargo command is needed to build inferno (Rust >= 1.71)" >&2
    exit 1
  }
  echo "inferno: building inferno v$INFERNO_VERSION from crates.io into ${root#"$PWD/"}" >&2
  # --locked: the crate's own Cargo.lock, so a new release of a dependency cannot change the build.
  # Only the cli feature: the flame graph is drawn from one folded file, no threads needed.
  cargo install inferno --version "=$INFERNO_VERSION" --locked --root "$root" \
    --no-default-features --features cli >&2
fi
echo "$bin"
