# Jaeger v2 all in one (built by deploy/bin/jaeger.sh), spans in memory: the query API on
# 127.0.0.1:${JAEGER_PORT:-16686} (its gRPC one a port below), OTLP on
# ${JAEGER_OTLP_GRPC_PORT:-4317} (gRPC) and ${JAEGER_OTLP_HTTP_PORT:-4318} (HTTP).
# The process is jaeger-<version> (comm), which daemon_pid's prefix match takes for jaeger.
# Sourced by infra.sh (needs lib.sh).

JAEGER_RUN="$RUN_DIR/jaeger"
JAEGER_CONF="$JAEGER_RUN/jaeger.yaml"
JAEGER_PIDFILE="$RUN_DIR/jaeger.pid"
JAEGER_VERSION=$(sed -nE 's/^JAEGER_VERSION=//p' "$ROOT/deploy/bin/jaeger.sh")

jaeger_port() { echo "${JAEGER_PORT:-16686}"; }
jaeger_otlp_grpc_port() { echo "${JAEGER_OTLP_GRPC_PORT:-4317}"; }
jaeger_otlp_http_port() { echo "${JAEGER_OTLP_HTTP_PORT:-4318}"; }
# "query-port otlp-http-port" of the running instance, as `up` started it.
jaeger_running_ports() {
  if [[ -s $JAEGER_RUN/ports ]]; then
    cat "$JAEGER_RUN/ports"
  else
    echo "$(jaeger_port) $(jaeger_otlp_http_port)"
  fi
}
jaeger_running_port() { jaeger_running_ports | cut -d' ' -f1; }
jaeger_url() { echo "http://$HOST:${1:-$(jaeger_port)}"; }
# Where the services send their spans (OTLP/HTTP; they add /v1/traces).
jaeger_otlp_endpoint() { echo "http://$HOST:$(jaeger_running_ports | cut -d' ' -f2)"; }
jaeger_pid() { daemon_pid "$JAEGER_PIDFILE" jaeger; }
jaeger_running() { [[ -n $(jaeger_pid) ]]; }
jaeger_ready() { http_ok "$(jaeger_url "$1")/api/services" && port_open "$2"; }

jaeger_up() {
  local port otlp_http binary log pid p
  port=$(jaeger_port)
  otlp_http=$(jaeger_otlp_http_port)
  log=$(log_file jaeger)
  if jaeger_running; then
    [[ $(jaeger_running_ports) == "$port $otlp_http" ]] || fail jaeger "already running on ports $(jaeger_running_ports), not JAEGER_PORT=$port JAEGER_OTLP_HTTP_PORT=$otlp_http; run 'infra.sh down jaeger' first"
    say "jaeger: already running (pid $(jaeger_pid), port $port)"
    return 0
  fi
  binary=$(bash "$ROOT/deploy/bin/jaeger.sh" 9>&-) || fail jaeger "could not build it (deploy/bin/jaeger.sh)"
  for p in "$port" "$((port - 1))" "$(jaeger_otlp_grpc_port)" "$otlp_http"; do
    require_port_free jaeger "$p"
  done
  render_template "$ROOT/deploy/observability/jaeger/jaeger.yaml.template" "$JAEGER_CONF" \
    HOST="$HOST" QUERY_PORT="$port" QUERY_GRPC_PORT="$((port - 1))" \
    OTLP_GRPC_PORT="$(jaeger_otlp_grpc_port)" OTLP_HTTP_PORT="$otlp_http"
  echo "$port $otlp_http" >"$JAEGER_RUN/ports"
  rotate_log jaeger
  say "jaeger: starting on $HOST:$port (OTLP $HOST:$(jaeger_otlp_grpc_port) gRPC, $HOST:$otlp_http HTTP)"
  spawn_daemon "$JAEGER_PIDFILE" "$log" "$binary" --config "$JAEGER_CONF"
  pid=$(read_pid "$JAEGER_PIDFILE")
  wait_for jaeger 30 "$pid" "$log" jaeger_ready "$port" "$otlp_http"
  say "jaeger: ready (pid $pid)"
}

jaeger_down() { stop_daemon jaeger 20; }

jaeger_status() {
  local version=$JAEGER_VERSION
  [[ -x $LOCAL_DIR/toolchain/bin/jaeger-$JAEGER_VERSION ]] || version+=" (not built yet)"
  if jaeger_running; then
    status_line jaeger running "$(jaeger_pid)" "$(jaeger_running_port)" "$version" \
      "$(jaeger_url "$(jaeger_running_port)")"
  else
    status_line jaeger stopped "" "$(jaeger_running_port)" "$version"
  fi
}
