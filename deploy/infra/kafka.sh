# Apache Kafka 3.9 (KRaft, single broker+controller node) from Maven Central jars, on
# 127.0.0.1:${KAFKA_PORT:-9092} (controller ${KAFKA_CONTROLLER_PORT:-9093}).
# Sourced by infra.sh (needs lib.sh).

KAFKA_POM="$INFRA_DIR/kafka/pom.xml"
KAFKA_VERSION=$(sed -nE 's|.*<kafka.version>([^<]+)</kafka.version>.*|\1|p' "$KAFKA_POM")
KAFKA_LIBS="$DOWNLOAD_DIR/kafka-$KAFKA_VERSION/libs"
KAFKA_DATA="$DATA_DIR/kafka"
KAFKA_CONF="$RUN_DIR/kafka/server.properties"
KAFKA_PIDFILE="$RUN_DIR/kafka.pid"
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}

kafka_port() { echo "${KAFKA_PORT:-9092}"; }
kafka_controller_port() { echo "${KAFKA_CONTROLLER_PORT:-9093}"; }
kafka_running_port() {
  local port
  port=$(sed -nE 's|^advertised.listeners=PLAINTEXT://[^:]+:([0-9]+).*|\1|p' "$KAFKA_CONF" 2>/dev/null)
  echo "${port:-$(kafka_port)}"
}
kafka_brokers() { echo "$HOST:${1:-$(kafka_port)}"; }

# shellcheck disable=SC2206 # KAFKA_HEAP_OPTS holds several words
KAFKA_JAVA=(java $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError
  -Djava.awt.headless=true "-Dlog4j.configuration=file:$INFRA_DIR/kafka/log4j.properties"
  -cp "$KAFKA_LIBS/*")

kafka_pid() {
  local pid
  pid=$(read_pid "$KAFKA_PIDFILE")
  if pid_alive "$pid" && grep -qa 'kafka\.Kafka' "/proc/$pid/cmdline" 2>/dev/null; then echo "$pid"; fi
}

kafka_running() { [[ -n $(kafka_pid) ]]; }

# The jar set is complete once copy-dependencies succeeded for this exact pom.
kafka_fetch() {
  local stamp="$KAFKA_LIBS/.complete" sum
  sum=$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)
  [[ -f $stamp && $(cat "$stamp") == "$sum" ]] && return 0
  say "kafka: resolving kafka_2.13:$KAFKA_VERSION from Maven Central into ${KAFKA_LIBS#"$ROOT/"}"
  rm -rf "$KAFKA_LIBS"
  mkdir -p "$KAFKA_LIBS" "$LOG_DIR"
  local log="$LOG_DIR/kafka-download.log"
  if ! mvn -q -B -f "$KAFKA_POM" -Dmaven.repo.local="$DOWNLOAD_DIR/m2" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS" >"$log" 2>&1; then
    fail kafka "mvn could not resolve the Kafka jars" "$log"
  fi
  echo "$sum" >"$stamp"
}

kafka_format() {
  [[ -f $KAFKA_DATA/meta.properties ]] && return 0
  local cluster_id log
  # A cluster id is a base64url UUID; one that starts with '-' reads like a CLI option.
  cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  [[ $cluster_id == -* ]] && cluster_id="A${cluster_id:1}"
  log=$(log_file kafka)
  say "kafka: formatting ${KAFKA_DATA#"$ROOT/"} (cluster id $cluster_id)"
  mkdir -p "$KAFKA_DATA"
  "${KAFKA_JAVA[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONF" >>"$log" 2>&1 ||
    fail kafka "kafka-storage format failed" "$log"
}

# KafkaRaftServer logs this once the broker is unfenced and serving requests.
kafka_started() { grep -q 'Kafka Server started' "$(log_file kafka)"; }

kafka_up() {
  local port controller_port log pid
  port=$(kafka_port)
  controller_port=$(kafka_controller_port)
  log=$(log_file kafka)
  if kafka_running; then
    port_open "$(kafka_running_port)" || fail kafka "running (pid $(kafka_pid)) but port $(kafka_running_port) is closed" "$log"
    [[ $(kafka_running_port) == "$port" ]] || fail kafka "already running on port $(kafka_running_port), not KAFKA_PORT=$port; run 'infra.sh down' first"
    say "kafka: already running (pid $(kafka_pid), port $port)"
    return 0
  fi
  kafka_fetch
  require_port_free kafka "$port"
  require_port_free kafka "$controller_port"
  render_template "$INFRA_DIR/kafka/server.properties.template" "$KAFKA_CONF" \
    PORT="$port" CONTROLLER_PORT="$controller_port" LOG_DIR="$KAFKA_DATA"
  rotate_log kafka
  kafka_format
  say "kafka: starting $KAFKA_VERSION on $HOST:$port"
  rm -f "$KAFKA_PIDFILE"
  # setsid: not in the caller's process group, so a ^C or a job kill there leaves it running.
  # The inner shell writes its own pid and execs java, so the pid file names the JVM.
  # shellcheck disable=SC2016
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$KAFKA_PIDFILE" \
    "${KAFKA_JAVA[@]}" kafka.Kafka "$KAFKA_CONF" </dev/null >>"$log" 2>&1 9>&- &
  wait_for kafka 10 "" "$log" test -s "$KAFKA_PIDFILE"
  pid=$(read_pid "$KAFKA_PIDFILE")
  wait_for kafka 120 "$pid" "$log" kafka_started
  port_open "$port" || fail kafka "logged 'started' but port $port is closed" "$log"
  say "kafka: ready (pid $pid)"
}

kafka_down() {
  local pid
  pid=$(kafka_pid)
  [[ -n $pid ]] || return 0
  say "kafka: stopping (pid $pid)"
  stop_pid kafka "$pid" 60
}

kafka_status() {
  if kafka_running; then
    status_line kafka running "$(kafka_pid)" "$(kafka_running_port)" "$KAFKA_VERSION"
  else
    status_line kafka stopped "" "$(kafka_running_port)" "$KAFKA_VERSION"
  fi
}
