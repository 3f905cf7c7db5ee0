# PostgreSQL 15: a private cluster in .local/data/postgres on 127.0.0.1:${PG_PORT:-5432},
# superuser headliner/headliner. Sourced by infra.sh (needs lib.sh and packages.sh).

PG_DATA="$DATA_DIR/postgres"
PG_USER=headliner
PG_PASSWORD=headliner

pg_port() { echo "${PG_PORT:-5432}"; }
# The port of the cluster as last configured (a running one may predate a PG_PORT change).
pg_running_port() {
  local port
  port=$(conf_value "$PG_DATA/headliner.conf" port)
  echo "${port:-$(pg_port)}"
}
postgres_url() { echo "postgres://$PG_USER:$PG_PASSWORD@$HOST:${1:-$(pg_port)}/postgres"; }

# postgres refuses to run as root.
as_postgres() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

give_to_postgres() {
  if ((EUID == 0)); then chown postgres:postgres "$@"; fi
}

pg_pid() { [[ -f $PG_DATA/postmaster.pid ]] && head -n 1 "$PG_DATA/postmaster.pid" || true; }

postgres_running() {
  [[ -f $PG_DATA/PG_VERSION ]] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_ready() { "$PG_BIN/pg_isready" -q -h "$HOST" -p "$1" -t 2; }

pg_init() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  say "postgres: initdb in ${PG_DATA#"$ROOT/"}"
  mkdir -p "$PG_DATA"
  give_to_postgres "$PG_DATA"
  chmod 700 "$PG_DATA"
  if ! as_postgres test -w "$PG_DATA"; then
    fail postgres "the postgres user cannot write $PG_DATA (is a parent directory closed to other users?)"
  fi
  local pwfile log
  log=$(log_file postgres)
  rotate_log postgres
  pwfile=$(mktemp)
  echo "$PG_PASSWORD" >"$pwfile"
  give_to_postgres "$pwfile"
  if ! as_postgres "$PG_BIN/initdb" -D "$PG_DATA" --username="$PG_USER" --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >>"$log" 2>&1; then
    rm -f "$pwfile"
    rm -rf "$PG_DATA"
    fail postgres "initdb failed" "$log"
  fi
  rm -f "$pwfile"
  echo "include_if_exists = 'headliner.conf'" >>"$PG_DATA/postgresql.conf"
}

postgres_up() {
  local port log pid
  port=$(pg_port)
  if postgres_running; then
    pg_ready "$(pg_running_port)" || fail postgres "running (pid $(pg_pid)) but not accepting connections on port $(pg_running_port)" "$(log_file postgres)"
    [[ $(pg_running_port) == "$port" ]] || fail postgres "already running on port $(pg_running_port), not PG_PORT=$port; run 'infra.sh down' first"
    say "postgres: already running (pid $(pg_pid), port $port)"
    return 0
  fi
  pg_init
  require_port_free postgres "$port"
  render_template "$INFRA_DIR/postgres/postgresql.conf.template" "$PG_DATA/headliner.conf" PORT="$port"
  give_to_postgres "$PG_DATA/headliner.conf"
  rotate_log postgres
  log=$(log_file postgres)
  give_to_postgres "$log"
  say "postgres: starting on $HOST:$port"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$log" -w -t 60 start >/dev/null 2>&1 9>&- ||
    fail postgres "pg_ctl start failed" "$log"
  pid=$(pg_pid)
  wait_for postgres 30 "$pid" "$log" pg_ready "$port"
  say "postgres: ready (pid $pid)"
}

postgres_down() {
  postgres_running || return 0
  say "postgres: stopping (pid $(pg_pid))"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
}

postgres_status() {
  local port version
  port=$(pg_running_port)
  if postgres_running; then
    version=$("$PG_BIN/psql" "$(postgres_url "$port")" -Atc 'show server_version' 2>/dev/null | cut -d' ' -f1)
    status_line postgres running "$(pg_pid)" "$port" "${version:-?}"
  else
    status_line postgres stopped "" "$port" "$("$PG_BIN/postgres" --version 2>/dev/null | sed -nE 's/.*\(PostgreSQL\) ([0-9.]+).*/\1/p')"
  fi
}
