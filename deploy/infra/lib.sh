# Shared helpers for deploy/infra: paths, messages, port checks, wait loops, templates.
# Sourced by infra.sh; not meant to be run on its own.

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$INFRA_DIR/../.." && pwd)"
LOCAL_DIR="$ROOT/.local"
DATA_DIR="$LOCAL_DIR/data"
LOG_DIR="$LOCAL_DIR/logs"
RUN_DIR="$LOCAL_DIR/run"
DOWNLOAD_DIR="$LOCAL_DIR/downloads"
INFRA_ENV="$LOCAL_DIR/infra.env"
HOST=127.0.0.1

say() { printf 'infra: %s\n' "$*"; }
warn() { printf 'infra: %s\n' "$*" >&2; }

# fail COMPONENT REASON [LOGFILE]: explain a failed start and exit non-zero.
fail() {
  local component=$1 reason=$2 log=${3:-}
  warn "$component failed to start: $reason"
  if [[ -n $log && -s $log ]]; then
    warn "--- last 30 lines of ${log#"$ROOT/"} ---"
    tail -n 30 "$log" >&2
    warn "---"
  fi
  exit 1
}

log_file() { printf '%s/%s.log' "$LOG_DIR" "$1"; }

# Keep the previous run's log as <name>.log.1 so a failed start only shows its own lines.
rotate_log() {
  local log
  log=$(log_file "$1")
  mkdir -p "$LOG_DIR"
  [[ -f $log ]] && mv -f "$log" "$log.1"
  : >"$log"
}

# render_template SRC DST KEY=VALUE...: replace @KEY@ placeholders.
render_template() {
  local src=$1 dst=$2 expr=() pair
  shift 2
  for pair in "$@"; do
    expr+=(-e "s|@${pair%%=*}@|${pair#*=}|g")
  done
  mkdir -p "$(dirname "$dst")"
  sed "${expr[@]}" "$src" >"$dst"
}

# conf_value FILE KEY: value of the first "key = value" / "key value" / "key=value" line.
conf_value() {
  [[ -f $1 ]] || return 0
  sed -nE "s/^$2[[:space:]=]+//p" "$1" | head -n 1 | tr -d "'\""
}

# A child that died while we still run is a zombie, which kill -0 would call alive.
pid_alive() {
  [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null || return 1
  [[ $(sed -E 's/.*\) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) != Z ]]
}

read_pid() { [[ -f $1 ]] && tr -dc '0-9' <"$1" || true; }

# The process's command line, for messages; long ones (java) keep their start and end.
pid_cmdline() {
  local cmd
  cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || true
  if ((${#cmd} > 200)); then cmd="${cmd:0:100} ... ${cmd: -80}"; fi
  printf '%s' "$cmd"
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# Who listens on TCP port $1 (any address)? Prints "name (pid N): cmdline" lines.
port_owners() {
  local line pid name
  while read -r line; do
    [[ -n $line ]] || continue
    pid=$(sed -nE 's/.*pid=([0-9]+).*/\1/p' <<<"$line")
    name=$(sed -nE 's/.*users:\(\("([^"]+)".*/\1/p' <<<"$line")
    if [[ -n $pid ]]; then
      printf '%s (pid %s): %s\n' "$name" "$pid" "$(pid_cmdline "$pid")"
    else
      printf '%s\n' "$line"
    fi
  done < <(ss -Hltnp "sport = :$1" 2>/dev/null)
}

# require_port_free COMPONENT PORT: fail with the owning process when the port is taken.
require_port_free() {
  local component=$1 port=$2 owners
  owners=$(port_owners "$port")
  if [[ -z $owners ]] && port_open "$port"; then
    owners="unknown process (ss shows no listener; maybe another network namespace)"
  fi
  [[ -z $owners ]] && return 0
  fail "$component" "port $port is already taken by: $owners
    stop that process, or pick another port (see deploy/infra/infra.sh --help)"
}

# wait_for COMPONENT TIMEOUT_S PID LOG CMD...: poll CMD until it succeeds; fail when the
# process PID (if given) dies or the timeout passes ($REASON, if set, explains a timeout).
wait_for() {
  local component=$1 timeout=$2 pid=$3 log=$4
  shift 4
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [[ -n $pid ]] && ! pid_alive "$pid"; then
      fail "$component" "the process (pid $pid) exited during start" "$log"
    fi
    if ((SECONDS >= deadline)); then
      fail "$component" "${REASON:-not ready after ${timeout}s (waited for: $*)}" "$log"
    fi
    sleep 0.2
  done
}

# stop_pid COMPONENT PID TIMEOUT_S: SIGTERM, wait, then SIGKILL.
stop_pid() {
  local component=$1 pid=$2 timeout=$3
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + timeout))
  while pid_alive "$pid"; do
    if ((SECONDS >= deadline)); then
      warn "$component: still running after ${timeout}s, sending SIGKILL to pid $pid"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      return 0
    fi
    sleep 0.2
  done
}

# stop_daemon COMPONENT TIMEOUT_S: stops the component's daemon (found by COMPONENT_pid), if any.
stop_daemon() {
  local pid
  pid=$("$1_pid")
  [[ -n $pid ]] || return 0
  say "$1: stopping (pid $pid)"
  stop_pid "$1" "$pid" "$2"
}

# status_line COMPONENT STATE PID PORT VERSION [URL]
status_line() {
  printf '%-12s %-9s pid=%-8s port=%-6s version=%s%s\n' "$1" "$2" "${3:--}" "${4:--}" "${5:--}" \
    "${6:+ url=$6}"
}

# local_secret NAME: a password made once per checkout in .local/secrets/NAME (tools/system's
# localSecret reads and writes the same files). Deleting the file rotates it at the next `up`.
SECRETS_DIR="$LOCAL_DIR/secrets"
local_secret() {
  local file="$SECRETS_DIR/$1"
  if [[ ! -s $file ]]; then
    mkdir -p "$SECRETS_DIR"
    chmod 700 "$SECRETS_DIR"
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file")
  fi
  cat "$file"
}

# spawn_daemon PIDFILE LOG CMD...: run a foreground server in the background, in its own
# session (a Ctrl-C in the terminal that ran `up` does not reach it), and record its pid.
spawn_daemon() {
  local pidfile=$1 log=$2
  shift 2
  mkdir -p "$(dirname "$pidfile")"
  nohup setsid "$@" >>"$log" 2>&1 </dev/null 9>&- &
  echo $! >"$pidfile"
}

# daemon_pid PIDFILE NAME: the recorded pid while a process of that command name runs it.
daemon_pid() {
  local pid
  pid=$(read_pid "$1")
  if pid_alive "$pid" && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$2"* ]]; then echo "$pid"; fi
}

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }
