# Prometheus 2.42 (Debian's package) on 127.0.0.1:${PROMETHEUS_PORT:-9090}, data in
# .local/data/prometheus, scraping the services' management ports and alerting the local
# Alertmanager; it also accepts remote write at /api/v1/write, where k6 streams a load test's
# metrics (load-tests/src/k6.ts). Sourced by infra.sh (needs lib.sh).

PROMETHEUS_RUN="$RUN_DIR/prometheus"
PROMETHEUS_CONF="$PROMETHEUS_RUN/prometheus.yml"
PROMETHEUS_TARGETS="$PROMETHEUS_RUN/targets"
PROMETHEUS_PIDFILE="$RUN_DIR/prometheus.pid"
PROMETHEUS_DATA="$DATA_DIR/prometheus"
PROMETHEUS_RULES="$ROOT/deploy/observability/prometheus/rules"

prometheus_port() { echo "${PROMETHEUS_PORT:-9090}"; }
prometheus_running_port() {
  local port
  port=$(sed -nE 's|.*:([0-9]+)$|\1|p' "$PROMETHEUS_RUN/listen" 2>/dev/null)
  echo "${port:-$(prometheus_port)}"
}
prometheus_url() { echo "http://$HOST:${1:-$(prometheus_port)}"; }
prometheus_pid() { daemon_pid "$PROMETHEUS_PIDFILE" prometheus; }
prometheus_running() { [[ -n $(prometheus_pid) ]]; }
prometheus_ready() { http_ok "$(prometheus_url "$1")/-/ready"; }

prometheus_up() {
  local port log pid
  port=$(prometheus_port)
  log=$(log_file prometheus)
  if prometheus_running; then
    [[ $(prometheus_running_port) == "$port" ]] || fail prometheus "already running on port $(prometheus_running_port), not PROMETHEUS_PORT=$port; run 'infra.sh down prometheus' first"
    # Rule files are read at start and reload only: this checkout's rules, not those of the up
    # that started it.
    curl -fsS -o /dev/null --max-time 5 -X POST "$(prometheus_url "$port")/-/reload" ||
      fail prometheus "it refused to reload its configuration or rules" "$log"
    say "prometheus: already running (pid $(prometheus_pid), port $port), rules reloaded"
    return 0
  fi
  require_port_free prometheus "$port"
  # The target folder must exist before Prometheus starts: it watches the folder, and one that
  # is missing is looked for again only at the 5-minute refresh.
  mkdir -p "$PROMETHEUS_DATA" "$PROMETHEUS_TARGETS"
  render_template "$ROOT/deploy/observability/prometheus/prometheus.yml.template" "$PROMETHEUS_CONF" \
    RULES_DIR="$PROMETHEUS_RULES" TARGETS_DIR="$PROMETHEUS_TARGETS" \
    ALERTMANAGER="$HOST:$(alertmanager_port)"
  echo "$HOST:$port" >"$PROMETHEUS_RUN/listen"
  rotate_log prometheus
  say "prometheus: starting on $HOST:$port"
  spawn_daemon "$PROMETHEUS_PIDFILE" "$log" prometheus \
    --config.file="$PROMETHEUS_CONF" --storage.tsdb.path="$PROMETHEUS_DATA" \
    --storage.tsdb.retention.time=7d --web.listen-address="$HOST:$port" --web.enable-lifecycle \
    --web.enable-remote-write-receiver
  pid=$(read_pid "$PROMETHEUS_PIDFILE")
  wait_for prometheus 30 "$pid" "$log" prometheus_ready "$port"
  say "prometheus: ready (pid $pid)"
}

prometheus_down() { stop_daemon prometheus 20; }

prometheus_status() {
  local version
  version=$(prometheus --version 2>/dev/null | sed -nE 's/^prometheus, version ([^ ]+).*/\1/p')
  if prometheus_running; then
    status_line prometheus running "$(prometheus_pid)" "$(prometheus_running_port)" "${version:-?}" \
      "$(prometheus_url "$(prometheus_running_port)")"
  else
    status_line prometheus stopped "" "$(prometheus_running_port)" "${version:--}"
  fi
}
