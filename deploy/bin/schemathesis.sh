#!/usr/bin/env bash
# Installs the pinned schemathesis from PyPI once, into a virtual environment under the git-ignored
# .local/python/ (this checkout's own, not the toolchain another worktree may share); later runs
# only check the version. Prints the path of the schemathesis command.
# Usage: SCHEMATHESIS=$(bash deploy/bin/schemathesis.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

SCHEMATHESIS_VERSION=4.32.5
venv="$PWD/.local/python/schemathesis-$SCHEMATHESIS_VERSION"
if [[ $("$venv/bin/schemathesis" --version 2>/dev/null) != "schemathesis, version $SCHEMATHESIS_VERSION" ]]; then
  # Debian's python3 leaves ensurepip (and so `python3 -m venv`) to the python3-venv package.
  if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    ((EUID == 0)) || { echo "schemathesis: need root to apt-get install -y python3-venv" >&2; exit 1; }
    echo "schemathesis: installing python3-venv with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends python3-venv >&2
  fi
  echo "schemathesis: installing schemathesis==$SCHEMATHESIS_VERSION from PyPI into ${venv#"$PWD/"}" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" >&2
fi
echo "$venv/bin/schemathesis"
