# Installs the Debian packages the local components need, once, non-interactively,
# without leaving the distro's own postgres/redis/prometheus/alertmanager services running.

PG_BIN=/usr/lib/postgresql/15/bin

# missing_packages COMPONENT...: apt package names needed by the given local components.
missing_packages() {
  local component
  for component in "$@"; do
    case $component in
      postgres) [[ -x $PG_BIN/postgres ]] || echo postgresql-15 ;;
      redis) command -v redis-server >/dev/null || echo redis-server ;;
      kafka)
        command -v java >/dev/null || echo openjdk-17-jre-headless
        command -v mvn >/dev/null || echo maven
        ;;
      prometheus) command -v prometheus >/dev/null || echo prometheus ;;
      alertmanager) command -v prometheus-alertmanager >/dev/null || echo prometheus-alertmanager ;;
    esac
  done
}

install_packages() {
  (($#)) || return 0
  ((EUID == 0)) || { warn "need root to install: $* (apt-get install -y $*)"; exit 1; }
  local log="$LOG_DIR/apt.log"
  mkdir -p "$LOG_DIR"
  say "installing $* with apt-get (log: ${log#"$ROOT/"})"
  (
    # policy-rc.d exit 101 = "don't start services from maintainer scripts". Only add it
    # when the machine has none, and remove it again afterwards.
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
      chmod +x /usr/sbin/policy-rc.d
      trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    export DEBIAN_FRONTEND=noninteractive
    # Wait for, rather than fail on, another apt/dpkg run holding the lock.
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@"
  ) >"$log" 2>&1 || fail "$*" "apt-get install failed" "$log"
  stop_distro_services
}

# Our instances run from .local; a distro service started by the install would hold the
# same default ports.
stop_distro_services() {
  local version cluster _port status _rest
  if command -v pg_lsclusters >/dev/null; then
    while read -r version cluster _port status _rest; do
      if [[ $status == online* ]]; then
        say "stopping the distro's postgres cluster $version/$cluster"
        pg_ctlcluster "$version" "$cluster" stop || true
      fi
    done < <(pg_lsclusters -h 2>/dev/null)
  fi
  local service
  for service in redis-server prometheus prometheus-alertmanager; do
    if [[ -x /etc/init.d/$service ]] && /etc/init.d/$service status >/dev/null 2>&1; then
      say "stopping the distro's $service service"
      /etc/init.d/$service stop || true
    fi
  done
}
