# Sourced (not run) first by every deploy script, with how to treat the infrastructure:
#   source "$(dirname "${BASH_SOURCE[0]}")/preamble.sh" --up | --quiet | --running
# Moves to the repository root, puts Node 24 on PATH and installs what is missing (bootstrap.sh),
# then --up starts the infrastructure (deploy/infra/infra.sh up; --quiet without its report) and
# exports .local/infra.env; --running starts nothing and exports what .local/infra.env has that
# the environment does not set (so KAFKA_BROKERS=… npm run dlq reaches another broker).

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/bin/bootstrap.sh

case ${1:-} in
  --up | --quiet)
    if [[ $1 == --quiet ]]; then
      bash deploy/infra/infra.sh up >/dev/null
    else
      bash deploy/infra/infra.sh up
    fi
    set -a
    source .local/infra.env
    set +a
    ;;
  --running)
    if [[ -f .local/infra.env ]]; then
      while IFS='=' read -r name value; do
        if [[ $name =~ ^[A-Z_]+$ ]] && [[ -z ${!name:-} ]]; then export "$name=$value"; fi
      done <.local/infra.env
    fi
    ;;
  *)
    echo "preamble.sh: say --up, --quiet or --running (got '${1:-}')" >&2
    return 2
    ;;
esac
