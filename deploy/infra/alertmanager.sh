# Alertmanager 0.25 (Debian's prometheus-alertmanager) on 127.0.0.1:${ALERTMANAGER_PORT:-9095}
# (9093, its usual port, is Kafka's controller here), data in .local/data/alertmanager, no
# cluster listener. Every alert goes to the webhook of ALERT_WEBHOOK_URL.
# Sourced by infra.sh (needs lib.sh).

ALERTMANAGER_RUN="$RUN_DIR/alertmanager"
ALERTMANAGER_CONF="$ALERTMANAGER_RUN/alertmanager.yml"
ALERTMANAGER_PIDFILE="$RUN_DIR/alertmanager.pid"
ALERTMANAGER_DATA="$DATA_DIR/alertmanager"

alertmanager_port() { echo "${ALERTMANAGER_PORT:-9095}"; }
alertmanager_running_port() {
  local port
  port=$(sed -nE 's|.*:([0-9]+)$|\1|p' "$ALERTMANAGER_RUN/listen" 2>/dev/null)
  echo "${port:-$(alertmanager_port)}"
}
alertmanager_url() { echo "http://$HOST:${1:-$(alertmanager_port)}"; }
# Nothing listens there until a later step adds a receiver; Alertmanager logs the failed sends.
alert_webhook_url() { echo "${ALERT_WEBHOOK_URL:-http://$HOST:9099/alerts}"; }
alertmanager_pid() { daemon_pid "$ALERTMANAGER_PIDFILE" prometheus-ale; }
alertmanager_running() { [[ -n $(alertmanager_pid) ]]; }
alertmanager_ready() { http_ok "$(alertmanager_url "$1")/-/ready"; }

alertmanager_up() {
  local port log pid
  port=$(alertmanager_port)
  log=$(log_file alertmanager)
  if alertmanager_running; then
    [[ $(alertmanager_running_port) == "$port" ]] || fail alertmanager "already running on port $(alertmanager_running_port), not ALERTMANAGER_PORT=$port; run 'infra.sh down alertmanager' first"
    say "alertmanager: already running (pid $(alertmanager_pid), port $port)"
    return 0
  fi
  require_port_free alertmanager "$port"
  mkdir -p "$ALERTMANAGER_DATA"
  render_template "$ROOT/deploy/observability/alertmanager/alertmanager.yml.template" \
    "$ALERTMANAGER_CONF" WEBHOOK_URL="$(alert_webhook_url)"
  echo "$HOST:$port" >"$ALERTMANAGER_RUN/listen"
  rotate_log alertmanager
  say "alertmanager: starting on $HOST:$port"
  spawn_daemon "$ALERTMANAGER_PIDFILE" "$log" prometheus-alertmanager \
    --config.file="$ALERTMANAGER_CONF" --storage.path="$ALERTMANAGER_DATA" \
    --web.listen-address="$HOST:$port" --cluster.listen-address=
  pid=$(read_pid "$ALERTMANAGER_PIDFILE")
  wait_for alertmanager 30 "$pid" "$log" alertmanager_ready "$port"
  say "alertmanager: ready (pid $pid)"
}

alertmanager_down() { stop_daemon alertmanager 20; }

alertmanager_status() {
  local version
  version=$(prometheus-alertmanager --version 2>/dev/null | sed -nE 's/^alertmanager, version ([^ ]+).*/\1/p')
  if alertmanager_running; then
    status_line alertmanager running "$(alertmanager_pid)" "$(alertmanager_running_port)" "${version:-?}" \
      "$(alertmanager_url "$(alertmanager_running_port)")"
  else
    status_line alertmanager stopped "" "$(alertmanager_running_port)" "${version:--}"
  fi
}
