#!/usr/bin/env bash
# Proves deploy/images/Dockerfile without a Docker engine or registry:
#   bash deploy/bin/image-check.sh [service...]      (npm run image-check; default: wallet)
# For each service: builds the image with buildah (daemonless; vfs storage, chroot isolation) from
# this checkout through .dockerignore, over bases made from Debian's packages (image-bases.sh);
# checks what the runtime image holds (node, no npm; the service's production tree and the Prisma
# CLI; nothing writable by its user); then runs it the way a cluster would, against this machine's
# infrastructure (bash deploy/infra/infra.sh up first): read-only root, a tmpfs at /tmp, the
# image's user, workdir and environment, in a PID namespace of its own where node is PID 1;
# `prisma migrate deploy` from the image into a fresh database and `migrate status` after it (the
# cluster's migration Job and init container run exactly these), then the service until
# /health/live answers, then SIGTERM to PID 1, which must end it cleanly (exit 0).
# Root only. About 5 minutes a service on 2 cores (the vfs driver copies every layer); not part of
# npm test. IMAGE_CHECK_KEEP=1 keeps the images (about 0.5 GB each) in .local/images.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/bin/bootstrap.sh
set -a
source .local/infra.env
set +a
source deploy/bin/image-lib.sh
port_base=${IMAGE_CHECK_PORT_BASE:-$((${PORT_BASE:-8080} + 100))}

fail() {
  echo "image-check: FAIL: $*" >&2
  exit 1
}
for tool in buildah mmdebstrap unshare; do
  command -v "$tool" >/dev/null || fail "$tool missing (apt-get install -y buildah mmdebstrap)"
done
[[ $(id -u) == 0 ]] || fail "run as root (buildah's vfs storage, chroot isolation and mounts)"

runner='' ctr='' envfile=''
cleanup() {
  if [[ -n $runner ]] && kill -0 "$runner" 2>/dev/null; then
    kill -KILL $(pgrep -P "$runner") 2>/dev/null || true
    wait "$runner" 2>/dev/null || true
  fi
  [[ -z $ctr ]] || { bh umount "$ctr" >/dev/null && bh rm "$ctr" >/dev/null; } || true
  [[ -z $envfile ]] || rm -f "$envfile"
}
trap cleanup EXIT

bash deploy/bin/image-bases.sh
bh() { buildah "${BUILDAH_STORAGE[@]}" "$@"; }
config() { bh inspect --type image --format "$1" "$image"; }

build() {
  local started=$SECONDS
  # No layer cache: with the vfs driver every cached layer is a full copy of the tree (45 GB
  # after three services once), so each image builds from its bases and is removed once checked.
  bh bud --quiet --isolation chroot --pull=never --layers=false -f deploy/images/Dockerfile \
    --build-arg SERVICE="$service" --build-arg NODE_IMAGE="$NODE_BASE" \
    --build-arg RUNTIME_IMAGE="$RUNTIME_BASE" -t "$image" . >/dev/null
  echo "image-check: $service: built $image in $((SECONDS - started)) s ($(bh images --format '{{.Size}}' "$image"))" >&2
}

check_contents() {
  local app=$root/app dir=$root/app/services/$service
  [[ -x $root/usr/local/bin/node ]] || fail "$service: no node"
  for gone in usr/local/bin/npm usr/local/bin/npx usr/local/lib/node_modules usr/local/bin/corepack; do
    [[ ! -e $root/$gone ]] || fail "$service: /$gone in the runtime image"
  done
  [[ -f $dir/dist/main.js ]] || fail "$service: no dist/main.js"
  for dev in @headliner/testing jest typescript turbo @swc/core supertest tsx; do
    [[ ! -e $app/node_modules/$dev ]] || fail "$service: development package $dev in the image"
  done
  for other in concert gateway queue reservation wallet; do
    [[ $other == "$service" || ! -e $app/services/$other ]] || fail "$service: carries $other"
  done
  if [[ -d $dir/prisma ]]; then
    [[ -f $app/node_modules/prisma/build/index.js ]] || fail "$service: no Prisma CLI"
    [[ -f $app/node_modules/prisma/build/schema_engine_bg.wasm ]] || fail "$service: no wasm schema engine"
    grep -q 'oid 19' "$app/node_modules/@prisma/adapter-pg/dist/index.js" || fail "$service: adapter-pg unpatched"
  fi
  local writable
  writable=$(find "$app" -xdev \( -uid 10001 -o -perm -o+w \) ! -type l -print -quit)
  [[ -z $writable ]] || fail "$service: $writable is writable by the service's user"
}

# Runs the image's command (or the given one) as a cluster would; prints the host pid of its PID 1.
run_in_image() {
  local log=$1
  shift
  local user workdir
  user=$(config '{{.OCIv1.Config.User}}')
  workdir=$(config '{{.OCIv1.Config.WorkingDir}}')
  mapfile -t image_env < <(config '{{range .OCIv1.Config.Env}}{{println .}}{{end}}' | sed '/^$/d')
  [[ $# -gt 0 ]] || mapfile -t argv < <(config '{{range .OCIv1.Config.Cmd}}{{println .}}{{end}}' | sed '/^$/d')
  [[ $# -eq 0 ]] || argv=("$@")
  unshare --mount --pid --fork --mount-proc="$root/proc" bash -c '
    root=$1 user=$2 workdir=$3 envfile=$4
    shift 4
    mount --bind "$root" "$root" && mount -o remount,bind,ro "$root"
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/tmp"
    mount --rbind /dev "$root/dev"
    mount -t proc proc "$root/proc"
    mapfile -t service_env < "$envfile"
    exec chroot --userspec="$user" "$root" /usr/bin/env -i -C "$workdir" "${service_env[@]}" "$@"
  ' run "$root" "$user" "$workdir" "$envfile" "${image_env[@]}" "${argv[@]}" >"$log" 2>&1 &
  runner=$!
}

pid1_of() {
  local child
  for _ in $(seq 50); do
    child=$(pgrep -P "$1" | head -1) && [[ -n $child ]] && { echo "$child"; return; }
    sleep 0.1
  done
  fail "no PID 1 under $1"
}

check_run() {
  local logs=$IMAGES_DIR/logs
  mkdir -p "$logs"
  envfile=$(mktemp)
  node deploy/bin/image-env.mjs "$service" "$port_base" >"$envfile"
  local port
  port=$(sed -n 's/^PORT=//p' "$envfile")
  if [[ -d $root/app/services/$service/prisma ]]; then
    run_in_image "$logs/$service-migrate.log" node /app/node_modules/prisma/build/index.js migrate deploy
    wait "$runner" || { runner=''; fail "$service: migrate deploy from the image failed: $(tail -20 "$logs/$service-migrate.log")"; }
    runner=''
    grep -q 'successfully applied\|No pending migrations' "$logs/$service-migrate.log" \
      || fail "$service: migrate deploy applied nothing: $(tail -20 "$logs/$service-migrate.log")"
    echo "image-check: $service: prisma migrate deploy from the image: $(grep -c 'migration.sql' "$logs/$service-migrate.log" || true) migrations applied to headliner_${service}_image" >&2
    # The cluster's wait-for-migrations init container: it must pass once the Job has run.
    run_in_image "$logs/$service-migrate-status.log" node /app/node_modules/prisma/build/index.js migrate status
    wait "$runner" || { runner=''; fail "$service: migrate status from the image failed after deploy: $(tail -20 "$logs/$service-migrate-status.log")"; }
    runner=''
    grep -q 'Database schema is up to date' "$logs/$service-migrate-status.log" \
      || fail "$service: migrate status did not find the schema up to date: $(tail -20 "$logs/$service-migrate-status.log")"
    echo "image-check: $service: prisma migrate status from the image: up to date" >&2
  fi
  ! curl -fsS -o /dev/null "http://127.0.0.1:$port/health/live" 2>/dev/null \
    || fail "$service: something already answers on :$port (IMAGE_CHECK_PORT_BASE moves the ports)"
  run_in_image "$logs/$service.log"
  local started=$SECONDS pid1
  pid1=$(pid1_of "$runner")
  for _ in $(seq 50); do
    [[ $(readlink "/proc/$pid1/exe") == */usr/local/bin/node ]] && break
    sleep 0.1
  done
  [[ $(readlink "/proc/$pid1/exe") == */usr/local/bin/node ]] || fail "$service: PID 1 runs $(readlink "/proc/$pid1/exe"), not node"
  [[ $(awk '/^NSpid:/ { print $NF }' "/proc/$pid1/status") == 1 ]] || fail "$service: node is not PID 1 in its namespace"
  [[ $(awk '$5 == "/" { print $6 }' "/proc/$pid1/mountinfo") == ro,* ]] || fail "$service: its root is not read-only"
  [[ $(awk '$5 == "/tmp" { print $9 }' "/proc/$pid1/mountinfo") == tmpfs ]] || fail "$service: no tmpfs at /tmp"
  until curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1; do
    kill -0 "$runner" 2>/dev/null || fail "$service exited: $(tail -30 "$logs/$service.log")"
    ((SECONDS - started < 90)) || fail "$service: /health/live silent for 90 s: $(tail -30 "$logs/$service.log")"
    sleep 1
  done
  echo "image-check: $service: /health/live answered on :$port after $((SECONDS - started)) s (read-only root, user $(config '{{.OCIv1.Config.User}}'), node as PID 1)" >&2
  kill -TERM "$pid1"
  local code=0
  wait "$runner" || code=$?
  runner=''
  ((code == 0)) || fail "$service: exit $code after SIGTERM: $(tail -20 "$logs/$service.log")"
  grep -q 'shutdown complete' "$logs/$service.log" || fail "$service: no 'shutdown complete' after SIGTERM"
  echo "image-check: $service: SIGTERM to PID 1: drained and exited 0" >&2
}

for service in "${@:-wallet}"; do
  image=localhost/headliner/$service:check
  build
  ctr=$(bh from --pull=never "$image")
  root=$(bh mount "$ctr")
  check_contents
  echo "image-check: $service: runtime image holds node without npm, only $service's production tree$([[ -d $root/app/services/$service/prisma ]] && echo ' and the Prisma CLI'), nothing writable by its user" >&2
  check_run
  cleanup
  ctr='' envfile=''
  [[ -n ${IMAGE_CHECK_KEEP:-} ]] || bh rmi "$image" >/dev/null
done
bh rmi --prune >/dev/null
echo "image-check: ok ($*)" >&2
