#!/usr/bin/env bash
# `npm run zipkin -- up|down|status`: an optional trace viewer. Zipkin 3.5.1 (the exec jar from
# Maven Central, fetched once into .local/downloads; spans in memory) on
# 127.0.0.1:${ZIPKIN_PORT:-9411}, whose web UI (Lens, in the jar: it works offline) shows the
# traces that `npm run trace -- <id> --zipkin` copies from Jaeger. Not started by npm start: the
# jar is 125 MiB, and Zipkin cannot read Jaeger's spans itself (Jaeger v1.75 has no Zipkin
# exporter, Zipkin no OTLP receiver), so it holds only the traces sent to it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../infra/lib.sh"

ZIPKIN_VERSION=3.5.1
ZIPKIN_JAR="$DOWNLOAD_DIR/zipkin-$ZIPKIN_VERSION/zipkin-server-$ZIPKIN_VERSION-exec.jar"
ZIPKIN_PIDFILE="$RUN_DIR/zipkin.pid"
port=${ZIPKIN_PORT:-9411}
url="http://$HOST:$port"

# The JVM's comm is "java": the pid file is trusted only while its command line runs the jar.
zipkin_pid() {
  local pid
  pid=$(read_pid "$ZIPKIN_PIDFILE")
  if pid_alive "$pid" && grep -qa "zipkin-server-" "/proc/$pid/cmdline" 2>/dev/null; then
    echo "$pid"
  fi
}

zipkin_fetch() {
  [[ -s $ZIPKIN_JAR ]] && return 0
  say "zipkin: fetching io.zipkin:zipkin-server:$ZIPKIN_VERSION (exec jar) from Maven Central"
  mkdir -p "$LOG_DIR"
  mvn -q -B -Dmaven.repo.local="$DOWNLOAD_DIR/m2" dependency:copy \
    "-Dartifact=io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" \
    -DoutputDirectory="$(dirname "$ZIPKIN_JAR")" >"$LOG_DIR/zipkin-download.log" 2>&1 ||
    fail zipkin "mvn could not fetch the jar" "$LOG_DIR/zipkin-download.log"
}

zipkin_up() {
  if [[ -n $(zipkin_pid) ]]; then
    say "zipkin: already running (pid $(zipkin_pid)) at $url/zipkin/"
    return 0
  fi
  command -v java >/dev/null || fail zipkin "java is needed (it runs Kafka too): apt-get install -y openjdk-17-jre-headless"
  zipkin_fetch
  require_port_free zipkin "$port"
  local log
  log=$(log_file zipkin)
  rotate_log zipkin
  say "zipkin: starting on $HOST:$port"
  # Armeria's listener list replaces Zipkin's default one (all interfaces): loopback only.
  STORAGE_TYPE=mem COLLECTOR_KAFKA_ENABLED=false COLLECTOR_SCRIBE_ENABLED=false \
    SELF_TRACING_ENABLED=false \
    spawn_daemon "$ZIPKIN_PIDFILE" "$log" java -Xms64m -Xmx256m -XX:+UseSerialGC \
    -jar "$ZIPKIN_JAR" "--armeria.ports[0].ip=$HOST" "--armeria.ports[0].port=$port" \
    "--armeria.ports[0].protocols=http"
  wait_for zipkin 120 "$(read_pid "$ZIPKIN_PIDFILE")" "$log" http_ok "$url/health"
  say "zipkin: ready at $url/zipkin/ (send a trace: ZIPKIN_URL=$url npm run trace -- <id> --zipkin)"
}

case ${1:-} in
  up) zipkin_up ;;
  down) stop_daemon zipkin 20 ;;
  status)
    if [[ -n $(zipkin_pid) ]]; then
      status_line zipkin running "$(zipkin_pid)" "$port" "$ZIPKIN_VERSION" "$url/zipkin/"
    else
      status_line zipkin stopped "" "$port" "$ZIPKIN_VERSION"
    fi
    ;;
  *)
    echo "usage: npm run zipkin -- up|down|status   (ZIPKIN_PORT, default 9411)" >&2
    exit 2
    ;;
esac
