#!/usr/bin/env bash
# ab.sh A B MODE...: alternating runs of two saved builds of the gateway and libs/platform (the dist
# folders copied to $BUILDS/<name>/gateway and $BUILDS/<name>/platform), ROUNDS (1 2) times each.
cd "$(dirname "$0")"
root=$(cd ../../.. && pwd)
BUILDS=${BUILDS:-/tmp/gw-dist}
a=$1 b=$2; shift 2
use() { rm -rf "$root/services/gateway/dist" "$root/libs/platform/dist"; cp -a "$BUILDS/$1/gateway" "$root/services/gateway/dist"; cp -a "$BUILDS/$1/platform" "$root/libs/platform/dist"; }
# Fresh sign-ins first: access tokens live 15 minutes.
use $a && ./gw.sh start && (cd "$root/.local/gateway-hot-routes" && node "$OLDPWD/prep.mjs" "http://127.0.0.1:${PORT_BASE:-8080}") && ./gw.sh stop || exit 1
for round in ${ROUNDS:-1 2}; do for build in $a $b; do
  use $build; ./gw.sh start || exit 1
  for mode in "$@"; do ./measure.sh $mode "$build" 2>/dev/null; done
  ./gw.sh stop
done; done
