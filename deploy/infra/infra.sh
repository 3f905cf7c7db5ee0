#!/usr/bin/env bash
# Local infrastructure for Headliner: PostgreSQL 15, Redis 7, Kafka 3.9 (KRaft), and the
# observability stack (Prometheus 2.42, Alertmanager 0.25, Jaeger v1.75.0 built from the Go
# module proxy) on 127.0.0.1, with all data, logs,
# pids and downloads under .local/.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: deploy/infra/infra.sh {up|down|reset|status} [component...]   (or: npm run infra -- up)

  up      install what is missing, start postgres, redis, kafka, prometheus, alertmanager and
          jaeger (no-op for running ones), write .local/infra.env
  down    stop them all
          (up and down take component names to act on some only, e.g. `down postgres`:
          fault tests and drills stop and start one of them)
  reset   down, then delete their data (downloads and toolchain are kept)
  status  one line per component: running/stopped/external, pid, port, version

Ports: PG_PORT (5432), REDIS_PORT (6379), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093),
PROMETHEUS_PORT (9090), ALERTMANAGER_PORT (9095), JAEGER_PORT (16686, query API; its gRPC one
a port below), JAEGER_OTLP_GRPC_PORT (4317), JAEGER_OTLP_HTTP_PORT (4318).
HEADLINER_OBSERVABILITY=off leaves prometheus, alertmanager and jaeger out of every command,
=metrics only jaeger (the first `up` with jaeger builds it: about 4 minutes, once).
Prometheus scrapes the management ports of npm start's services while it runs (and of the test
systems that ask); Alertmanager posts Slack messages to ALERT_WEBHOOK_URL
(http://127.0.0.1:9099/alerts; ALERT_WEBHOOK_URL_PAGE and _TICKET split the severities), where,
on this machine, an alert receiver started with it appends them to .local/logs/alerts.jsonl.
External services: set POSTGRES_URL, REDIS_URL, KAFKA_BROKERS, PROMETHEUS_URL,
ALERTMANAGER_URL or JAEGER_URL and that component is neither installed nor started here.
Credentials: Redis takes logins only (default for the tools; npm start and the test systems add
a user per service to its ACL file) and Kafka SCRAM logins only (one principal per service,
admin for the tools); each password is made once in .local/secrets/ (how to rotate each: README,
Infrastructure credentials).
EOF
}

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for part in lib packages postgres redis kafka prometheus alertmanager jaeger env; do
  # shellcheck source=/dev/null
  source "$INFRA_DIR/$part.sh"
done

# One up/down/reset at a time: start and test scripts may call `up` concurrently.
# Daemons are started with 9>&- so that they don't inherit (and hold) the lock.
take_lock() {
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/infra.lock"
  if ! flock -n 9; then
    say "waiting for another infra.sh to finish"
    flock -w 300 9 || { warn "gave up waiting for the lock on $RUN_DIR/infra.lock"; exit 1; }
  fi
}

# The components named on the command line (all of them when none is), checked.
chosen_components() {
  local c
  (($# > 0)) || set -- "${COMPONENTS[@]}"
  for c in "$@"; do
    [[ " ${COMPONENTS[*]} " == *" $c "* ]] || {
      warn "unknown component '$c' (one of: ${COMPONENTS[*]})"
      exit 2
    }
    echo "$c"
  done
}

cmd_up() {
  local c locals missing chosen
  mapfile -t chosen < <(chosen_components "$@")
  take_lock
  mapfile -t locals < <(local_components)
  mapfile -t missing < <(missing_packages "${locals[@]}")
  install_packages "${missing[@]}"
  for c in "${chosen[@]}"; do
    if is_external "$c"; then
      say "$c: external ($(component_value "$c"))"
    else
      "${c}_up"
    fi
  done
  write_infra_env
  say "wrote ${INFRA_ENV#"$ROOT/"}"
}

cmd_down() {
  local c chosen
  mapfile -t chosen < <(chosen_components "$@")
  take_lock
  # Reverse order: kafka takes longest to stop cleanly, and nothing depends on the others.
  for c in jaeger alertmanager prometheus kafka redis postgres; do
    [[ " ${chosen[*]} " == *" $c "* ]] || continue
    if is_external "$c"; then
      (($# == 0)) || {
        warn "$c is external ($(component_value "$c")): not ours to stop"
        exit 2
      }
    else
      "${c}_down"
    fi
  done
}

cmd_reset() {
  cmd_down
  local c
  for c in "${COMPONENTS[@]}"; do
    if ! is_external "$c" && [[ -e $DATA_DIR/$c ]]; then
      say "$c: deleting ${DATA_DIR#"$ROOT/"}/$c"
      rm -rf "${DATA_DIR:?}/$c"
    fi
  done
}

cmd_status() {
  local c
  for c in "${COMPONENTS[@]}"; do
    if is_external "$c"; then
      printf '%-9s %-9s %s\n' "$c" external "$(component_value "$c")"
    else
      "${c}_status"
    fi
  done
}

case ${1:-} in
  up) cmd_up "${@:2}" ;;
  down) cmd_down "${@:2}" ;;
  reset) cmd_reset ;;
  status) cmd_status ;;
  -h | --help | help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
esac
