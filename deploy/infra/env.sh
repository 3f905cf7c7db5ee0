# Which components are external (given by the environment), and .local/infra.env.
# Sourced by infra.sh (needs lib.sh and the component files).

# The observability stack starts with the rest. HEADLINER_OBSERVABILITY=off leaves it out;
# =metrics keeps Prometheus and Alertmanager but not Jaeger, whose first build takes minutes
# (npm test's choice).
COMPONENTS=(postgres redis kafka)
case ${HEADLINER_OBSERVABILITY:-on} in
  on) COMPONENTS+=(prometheus alertmanager jaeger) ;;
  metrics) COMPONENTS+=(prometheus alertmanager) ;;
  off) ;;
  *)
    warn "HEADLINER_OBSERVABILITY=$HEADLINER_OBSERVABILITY: say on, metrics or off"
    exit 2
    ;;
esac

component_var() {
  case $1 in
    postgres) echo POSTGRES_URL ;;
    redis) echo REDIS_URL ;;
    kafka) echo KAFKA_BROKERS ;;
    prometheus) echo PROMETHEUS_URL ;;
    alertmanager) echo ALERTMANAGER_URL ;;
    jaeger) echo JAEGER_URL ;;
  esac
}

# is_external COMPONENT: its variable is set by the environment. A value that a previous
# `up` wrote to infra.env for a component it runs itself is ours, not external (callers
# often export infra.env before calling infra.sh again).
is_external() {
  local var value
  var=$(component_var "$1")
  value=${!var:-}
  [[ -n $value ]] || return 1
  if [[ -f $INFRA_ENV ]] && grep -qFx "$var=$value" "$INFRA_ENV" &&
    grep -qE "^# local:.* $1( |\$)" "$INFRA_ENV"; then
    return 1
  fi
  return 0
}

local_components() {
  local c
  for c in "${COMPONENTS[@]}"; do
    is_external "$c" || echo "$c"
  done
}

component_value() {
  local var
  var=$(component_var "$1")
  if is_external "$1"; then
    echo "${!var}"
    return
  fi
  case $1 in
    postgres) postgres_url "$(pg_running_port)" ;;
    redis) redis_url "$(redis_running_port)" ;;
    kafka) kafka_brokers "$(kafka_running_port)" ;;
    prometheus) prometheus_url "$(prometheus_running_port)" ;;
    alertmanager) alertmanager_url "$(alertmanager_running_port)" ;;
    jaeger) jaeger_url "$(jaeger_running_port)" ;;
  esac
}

write_infra_env() {
  local c tmp="$INFRA_ENV.tmp"
  {
    echo "# Written by deploy/infra/infra.sh up; read by deploy/test/load-infra-env.js and the start/test scripts."
    echo "# local: $(local_components | paste -sd ' ')"
    for c in "${COMPONENTS[@]}"; do
      echo "$(component_var "$c")=$(component_value "$c")"
    done
    # The local Redis keeps a user per service in its ACL file (tools/system/src/redis-logins.ts).
    is_external redis || echo "REDIS_SERVICE_USERS=on"
    # Where npm start's services send their spans while Jaeger runs (tools/system/src/local-env.ts).
    # Not named OTEL_EXPORTER_OTLP_ENDPOINT: the scripts export this file, and every test and
    # load-test system would then trace, which costs CPU the benchmarks would measure.
    if [[ " ${COMPONENTS[*]} " == *" jaeger "* ]] && ! is_external jaeger && jaeger_running; then
      echo "JAEGER_OTLP_ENDPOINT=$(jaeger_otlp_endpoint)"
    fi
    # Where the local alert receiver appends the Slack messages Alertmanager sends
    # (deploy/infra/alertmanager.sh; tools/system/test/alerts.int.test.ts reads it).
    if [[ " ${COMPONENTS[*]} " == *" alertmanager "* ]] && alert_receiver_running; then
      echo "ALERT_RECEIVER_OUT=$ALERT_RECEIVER_OUT"
    fi
    # The super user of the local broker, for the tests and tools that administer it.
    if ! is_external kafka; then
      echo "KAFKA_ADMIN_USERNAME=admin"
      echo "KAFKA_ADMIN_PASSWORD=$(kafka_password admin)"
    fi
  } >"$tmp"
  chmod 600 "$tmp"
  mv -f "$tmp" "$INFRA_ENV"
}
