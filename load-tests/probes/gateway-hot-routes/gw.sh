#!/usr/bin/env bash
# gw.sh start [node args] | gw.sh stop: the gateway alone (gateway.mjs), its launcher's pid kept in
# .local/gateway-hot-routes/gw.pid; start waits until it is ready on PORT_BASE.
here=$(cd "$(dirname "$0")" && pwd)
state=$here/../../../.local/gateway-hot-routes
case $1 in
  start) shift; nohup node "$here/gateway.mjs" "$@" > "$state/gateway.log" 2>&1 & echo $! > "$state/gw.pid"
    for i in $(seq 60); do curl -sf -o /dev/null http://127.0.0.1:${PORT_BASE:-8080}/health/ready && exit 0; sleep 0.5; done; echo "not ready"; tail -5 "$state/gateway.log"; exit 1;;
  stop) pid=$(cat "$state/gw.pid"); kill -TERM "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done;;
esac
