# Redis 7: daemonized redis-server on 127.0.0.1:${REDIS_PORT:-6379}, data in .local/data/redis.
# Sourced by infra.sh (needs lib.sh).

REDIS_DATA="$DATA_DIR/redis"
REDIS_CONF="$RUN_DIR/redis.conf"
REDIS_PIDFILE="$RUN_DIR/redis.pid"
REDIS_ACL_FILE="$REDIS_DATA/users.acl"

redis_port() { echo "${REDIS_PORT:-6379}"; }
redis_running_port() {
  local port
  port=$(conf_value "$REDIS_CONF" port)
  echo "${port:-$(redis_port)}"
}
redis_password() { local_secret redis; }
# The default user with the password of .local/secrets/redis (the tools' and tests' REDIS_URL;
# each service logs in as its own user, see tools/system/src/redis-users.ts).
redis_url() { echo "redis://default:$(redis_password)@$HOST:${1:-$(redis_port)}"; }

redis_pid() {
  local pid
  pid=$(read_pid "$REDIS_PIDFILE")
  if pid_alive "$pid" && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == redis-server* ]]; then echo "$pid"; fi
}

redis_running() { [[ -n $(redis_pid) ]]; }

redis_cli() { REDISCLI_AUTH=$(redis_password) redis-cli --no-auth-warning -h "$HOST" -p "$1" "${@:2}"; }

# A Redis started before it required a password takes one now, without a restart (the rendered
# config has it for the next start).
redis_require_password() {
  [[ $(redis-cli -h "$HOST" -p "$1" ping 2>/dev/null) == PONG ]] || return 0
  say "redis: running without a password; setting the one of .local/secrets/redis"
  redis-cli -h "$HOST" -p "$1" config set requirepass "$(redis_password)" >/dev/null
}

# The ACL file with the default user's password as it is now in .local/secrets/redis (a rotation
# takes effect at the next start) and the services' users kept as tools/system saved them.
redis_write_acl_file() {
  local hash tmp="$REDIS_ACL_FILE.tmp"
  hash=$(printf %s "$(redis_password)" | sha256sum | cut -d' ' -f1)
  {
    echo "user default on #$hash ~* &* +@all"
    # The saved service users; grep finds none (exit 1) when the file holds the default user only.
    if [[ -f $REDIS_ACL_FILE ]]; then grep -v '^user default ' "$REDIS_ACL_FILE" || true; fi
  } >"$tmp"
  chmod 600 "$tmp"
  mv -f "$tmp" "$REDIS_ACL_FILE"
}

redis_ready() { [[ $(redis_cli "$1" ping 2>/dev/null) == PONG ]]; }

redis_up() {
  local port log pid
  port=$(redis_port)
  log=$(log_file redis)
  if redis_running; then
    redis_require_password "$(redis_running_port)"
    redis_ready "$(redis_running_port)" || fail redis "running (pid $(redis_pid)) but not answering PING on port $(redis_running_port)" "$log"
    [[ $(redis_running_port) == "$port" ]] || fail redis "already running on port $(redis_running_port), not REDIS_PORT=$port; run 'infra.sh down' first"
    say "redis: already running (pid $(redis_pid), port $port)"
    return 0
  fi
  require_port_free redis "$port"
  mkdir -p "$REDIS_DATA" "$RUN_DIR"
  rm -f "$REDIS_PIDFILE"
  render_template "$INFRA_DIR/redis/redis.conf.template" "$REDIS_CONF" \
    PORT="$port" PIDFILE="$REDIS_PIDFILE" LOGFILE="$log" DATA_DIR="$REDIS_DATA" \
    ACL_FILE="$REDIS_ACL_FILE"
  redis_write_acl_file
  chmod 600 "$REDIS_CONF"
  rotate_log redis
  say "redis: starting on $HOST:$port"
  # Config errors are printed before daemonizing, so they land in the log via >>.
  redis-server "$REDIS_CONF" >>"$log" 2>&1 9>&- || fail redis "redis-server exited with status $?" "$log"
  # The daemon writes its pid file only once it listens; if it never does, it has exited.
  REASON="no pid file after 10s: redis-server exited during start" \
    wait_for redis 10 "" "$log" test -s "$REDIS_PIDFILE"
  pid=$(read_pid "$REDIS_PIDFILE")
  wait_for redis 20 "$pid" "$log" redis_ready "$port"
  say "redis: ready (pid $pid)"
}

redis_down() {
  local pid port
  pid=$(redis_pid)
  [[ -n $pid ]] || return 0
  port=$(redis_running_port)
  say "redis: stopping (pid $pid)"
  redis_cli "$port" shutdown nosave >/dev/null 2>&1 || true
  stop_pid redis "$pid" 10
}

redis_status() {
  local port version
  port=$(redis_running_port)
  if redis_running; then
    version=$(redis_cli "$port" info server 2>/dev/null | sed -nE 's/^redis_version:([^[:space:]]+).*/\1/p')
    status_line redis running "$(redis_pid)" "$port" "${version:-?}"
  else
    status_line redis stopped "" "$port" "$(redis-server --version 2>/dev/null | sed -nE 's/.* v=([^ ]+).*/\1/p')"
  fi
}
