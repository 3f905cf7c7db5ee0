# Alertmanager 0.25 (Debian's prometheus-alertmanager) on 127.0.0.1:${ALERTMANAGER_PORT:-9095}
# (9093, its usual port, is Kafka's controller here), data in .local/data/alertmanager, no
# cluster listener. It posts Slack messages to ALERT_WEBHOOK_URL (page and ticket alerts alike;
# ALERT_WEBHOOK_URL_PAGE / ALERT_WEBHOOK_URL_TICKET send one severity elsewhere, e.g. to two real
# Slack channels). While that URL is on this machine, the alert receiver
# (deploy/bin/alert-receiver.mjs) runs beside it and appends what arrives to .local/logs/alerts.jsonl.
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
alert_webhook_url() { echo "${ALERT_WEBHOOK_URL:-http://$HOST:9099/alerts}"; }

# Quicker than a production Alertmanager (30s and 5m, see the template): here a person who just
# stopped something, or the alert test, waits for the message. Every rule is evaluated every 5 s
# on one machine, so the alerts of one fault become active within 10 s of each other; and a
# resolved fault is reported within half a minute.
ALERT_GROUP_WAIT=10s
ALERT_GROUP_INTERVAL=30s

alertmanager_render_config() {
  render_template "$ROOT/deploy/observability/alertmanager/alertmanager.yml.template" \
    "$ALERTMANAGER_CONF" GROUP_WAIT="$ALERT_GROUP_WAIT" GROUP_INTERVAL="$ALERT_GROUP_INTERVAL" \
    PAGE_WEBHOOK_URL="${ALERT_WEBHOOK_URL_PAGE:-$(alert_webhook_url)}" \
    TICKET_WEBHOOK_URL="${ALERT_WEBHOOK_URL_TICKET:-$(alert_webhook_url)}" \
    TEMPLATES_DIR="$ROOT/deploy/observability/alertmanager"
}
alertmanager_pid() { daemon_pid "$ALERTMANAGER_PIDFILE" prometheus-ale; }
alertmanager_running() { [[ -n $(alertmanager_pid) ]]; }
alertmanager_ready() { http_ok "$(alertmanager_url "$1")/-/ready"; }

alertmanager_up() {
  local port log pid
  port=$(alertmanager_port)
  log=$(log_file alertmanager)
  alert_receiver_up
  if alertmanager_running; then
    [[ $(alertmanager_running_port) == "$port" ]] || fail alertmanager "already running on port $(alertmanager_running_port), not ALERTMANAGER_PORT=$port; run 'infra.sh down alertmanager' first"
    # The routes, receivers and URLs of this checkout, not those of the up that started it.
    alertmanager_render_config
    curl -fsS -o /dev/null --max-time 5 -X POST "$(alertmanager_url "$port")/-/reload" ||
      fail alertmanager "it refused the configuration ${ALERTMANAGER_CONF#"$ROOT/"}" "$log"
    say "alertmanager: already running (pid $(alertmanager_pid), port $port), configuration reloaded"
    return 0
  fi
  require_port_free alertmanager "$port"
  mkdir -p "$ALERTMANAGER_DATA"
  alertmanager_render_config
  echo "$HOST:$port" >"$ALERTMANAGER_RUN/listen"
  rotate_log alertmanager
  say "alertmanager: starting on $HOST:$port"
  spawn_daemon "$ALERTMANAGER_PIDFILE" "$log" prometheus-alertmanager \
    --config.file="$ALERTMANAGER_CONF" --storage.path="$ALERTMANAGER_DATA" \
    --web.listen-address="$HOST:$port" --web.external-url="$(alertmanager_url "$port")" \
    --cluster.listen-address=
  pid=$(read_pid "$ALERTMANAGER_PIDFILE")
  wait_for alertmanager 30 "$pid" "$log" alertmanager_ready "$port"
  say "alertmanager: ready (pid $pid)"
}

alertmanager_down() {
  stop_daemon alertmanager 20
  alert_receiver_down
}

alertmanager_status() {
  local version
  version=$(prometheus-alertmanager --version 2>/dev/null | sed -nE 's/^alertmanager, version ([^ ]+).*/\1/p')
  if alertmanager_running; then
    status_line alertmanager running "$(alertmanager_pid)" "$(alertmanager_running_port)" "${version:-?}" \
      "$(alertmanager_url "$(alertmanager_running_port)")"
  else
    status_line alertmanager stopped "" "$(alertmanager_running_port)" "${version:--}"
  fi
  alert_receiver_status
}

# The alert receiver: on ALERT_WEBHOOK_URL's port when that URL is on this machine.
ALERT_RECEIVER_PIDFILE="$RUN_DIR/alert-receiver.pid"
ALERT_RECEIVER_OUT="$LOG_DIR/alerts.jsonl"

alert_receiver_port() {
  sed -nE 's#^http://(127\.0\.0\.1|localhost):([0-9]+)(/.*)?$#\2#p' <<<"$(alert_webhook_url)"
}
# By its script, not its command name: node 24 names its main thread MainThread, older ones node.
alert_receiver_pid() {
  local pid
  pid=$(read_pid "$ALERT_RECEIVER_PIDFILE")
  if pid_alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q alert-receiver.mjs; then
    echo "$pid"
  fi
}
alert_receiver_running() { [[ -n $(alert_receiver_pid) ]]; }

alert_receiver_up() {
  local port log pid
  port=$(alert_receiver_port)
  [[ -n $port ]] || return 0
  alert_receiver_running && return 0
  log=$(log_file alert-receiver)
  require_port_free alert-receiver "$port"
  rotate_log alert-receiver
  spawn_daemon "$ALERT_RECEIVER_PIDFILE" "$log" node "$ROOT/deploy/bin/alert-receiver.mjs" \
    --listen "$HOST:$port" --out "$ALERT_RECEIVER_OUT"
  pid=$(read_pid "$ALERT_RECEIVER_PIDFILE")
  wait_for alert-receiver 10 "$pid" "$log" port_open "$port"
  say "alert-receiver: ready (pid $pid) on $(alert_webhook_url), appending to ${ALERT_RECEIVER_OUT#"$ROOT/"}"
}

alert_receiver_down() {
  local pid
  pid=$(alert_receiver_pid)
  [[ -n $pid ]] || return 0
  say "alert-receiver: stopping (pid $pid)"
  stop_pid alert-receiver "$pid" 5
}

alert_receiver_status() {
  local port
  port=$(alert_receiver_port)
  if alert_receiver_running; then
    status_line alert-receiver running "$(alert_receiver_pid)" "$port" "-" "$(alert_webhook_url)"
  elif [[ -n $port ]]; then
    status_line alert-receiver stopped "" "$port" "-"
  fi
}
