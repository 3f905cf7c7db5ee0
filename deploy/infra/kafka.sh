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
KAFKA_CLIENT_CONF="$RUN_DIR/kafka/broker-client.properties"
# Which passwords the broker knows, as name=sha256 lines: what `up` compares with .local/secrets.
KAFKA_CREDENTIALS_STAMP="$KAFKA_DATA/headliner-scram-users"
# SCRAM users: the broker itself, the admin tooling (tests, the DLQ tool, ACL setup) and one per
# service that talks to Kafka (tools/system/src/kafka-acls.ts grants those their ACLs).
KAFKA_PRINCIPALS=(broker admin queue concert reservation wallet)

kafka_port() { echo "${KAFKA_PORT:-9092}"; }
kafka_controller_port() { echo "${KAFKA_CONTROLLER_PORT:-9093}"; }
kafka_running_port() {
  local port
  port=$(sed -nE 's|^advertised.listeners=SASL_PLAINTEXT://[^:]+:([0-9]+).*|\1|p' "$KAFKA_CONF" 2>/dev/null)
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

kafka_password() { local_secret "kafka-$1"; }

kafka_credential_lines() {
  local name
  for name in "${KAFKA_PRINCIPALS[@]}"; do
    printf '%s=%s\n' "$name" "$(kafka_password "$name" | sha256sum | cut -d' ' -f1)"
  done
}

# Data formatted before the broker required SASL has no SCRAM users, and a broker whose own
# password changed could not log in to itself: both are formatted again.
kafka_needs_reformat() {
  [[ -f $KAFKA_DATA/meta.properties ]] || return 1
  if [[ ! -f $KAFKA_CREDENTIALS_STAMP ]]; then
    say "kafka: ${KAFKA_DATA#"$ROOT/"} was formatted without SCRAM users (the broker now requires SASL):"
  elif ! grep -qFx "$(kafka_credential_lines | grep '^broker=')" "$KAFKA_CREDENTIALS_STAMP"; then
    say "kafka: the broker's own password (.local/secrets/kafka-broker) changed:"
  else
    return 1
  fi
  say "kafka: formatting it again; its topics and messages are dropped (the services create their topics at start)"
}

kafka_format() {
  if kafka_needs_reformat; then rm -rf "${KAFKA_DATA:?}"; fi
  [[ -f $KAFKA_DATA/meta.properties ]] && return 0
  local cluster_id log name scram=()
  for name in "${KAFKA_PRINCIPALS[@]}"; do
    scram+=(--add-scram "SCRAM-SHA-512=[name=$name,password=$(kafka_password "$name")]")
  done
  # A cluster id is a base64url UUID; one that starts with '-' reads like a CLI option.
  cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  [[ $cluster_id == -* ]] && cluster_id="A${cluster_id:1}"
  log=$(log_file kafka)
  say "kafka: formatting ${KAFKA_DATA#"$ROOT/"} (cluster id $cluster_id)"
  mkdir -p "$KAFKA_DATA"
  "${KAFKA_JAVA[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONF" "${scram[@]}" >>"$log" 2>&1 ||
    fail kafka "kafka-storage format failed" "$log"
  kafka_credential_lines >"$KAFKA_CREDENTIALS_STAMP"
}

# Gives the running broker the passwords of .local/secrets it does not have yet (a user added
# since it was formatted, or a password deleted to rotate it), logged in as the broker. The
# broker's own password is not changed under it: the next start formats Kafka again instead.
kafka_sync_credentials() {
  local name line log known
  log=$(log_file kafka)
  while read -r line; do
    name=${line%%=*}
    [[ $name == broker ]] && continue
    grep -qFx "$line" "$KAFKA_CREDENTIALS_STAMP" 2>/dev/null && continue
    say "kafka: setting the SCRAM password of $name"
    "${KAFKA_JAVA[@]}" kafka.admin.ConfigCommand --bootstrap-server "$(kafka_brokers "$(kafka_running_port)")" \
      --command-config "$KAFKA_CLIENT_CONF" --alter --entity-type users --entity-name "$name" \
      --add-config "SCRAM-SHA-512=[password=$(kafka_password "$name")]" </dev/null >>"$log" 2>&1 ||
      fail kafka "could not set the SCRAM password of $name" "$log"
  done < <(kafka_credential_lines)
  known=$(grep '^broker=' "$KAFKA_CREDENTIALS_STAMP" 2>/dev/null || true)
  { [[ -n $known ]] && echo "$known"; kafka_credential_lines | grep -v '^broker='; } >"$KAFKA_CREDENTIALS_STAMP.tmp"
  mv -f "$KAFKA_CREDENTIALS_STAMP.tmp" "$KAFKA_CREDENTIALS_STAMP"
}

kafka_render_config() {
  local password
  password=$(kafka_password broker)
  render_template "$INFRA_DIR/kafka/server.properties.template" "$KAFKA_CONF" \
    PORT="$1" CONTROLLER_PORT="$2" LOG_DIR="$KAFKA_DATA" BROKER_PASSWORD="$password"
  (umask 077 && cat >"$KAFKA_CLIENT_CONF" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$password";
PROPERTIES
  )
  chmod 600 "$KAFKA_CONF"
}

# KafkaRaftServer logs this once the broker is unfenced and serving requests.
kafka_started() { grep -q 'Kafka Server started' "$(log_file kafka)"; }

kafka_up() {
  local port controller_port log pid
  port=$(kafka_port)
  controller_port=$(kafka_controller_port)
  log=$(log_file kafka)
  if kafka_running && grep -q '^advertised.listeners=PLAINTEXT:' "$KAFKA_CONF"; then
    say "kafka: running without SASL (started before the broker required it); restarting it"
    kafka_down
  fi
  if kafka_running; then
    port_open "$(kafka_running_port)" || fail kafka "running (pid $(kafka_pid)) but port $(kafka_running_port) is closed" "$log"
    [[ $(kafka_running_port) == "$port" ]] || fail kafka "already running on port $(kafka_running_port), not KAFKA_PORT=$port; run 'infra.sh down' first"
    say "kafka: already running (pid $(kafka_pid), port $port)"
    kafka_sync_credentials
    return 0
  fi
  kafka_fetch
  require_port_free kafka "$port"
  require_port_free kafka "$controller_port"
  kafka_render_config "$port" "$controller_port"
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
  kafka_sync_credentials
  say "kafka: ready (pid $pid)"
}

kafka_down() { stop_daemon kafka 60; }

kafka_status() {
  if kafka_running; then
    status_line kafka running "$(kafka_pid)" "$(kafka_running_port)" "$KAFKA_VERSION"
  else
    status_line kafka stopped "" "$(kafka_running_port)" "$KAFKA_VERSION"
  fi
}
