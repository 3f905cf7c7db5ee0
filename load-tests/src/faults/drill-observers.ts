/** Where a drill's system is watched from: the local stack that `npm run infra -- up` starts. */
export interface DrillObservers {
  prometheusUrl: string;
  /** The local alert receiver's file of Alertmanager's messages. */
  receiverFile: string;
}

export function drillObservers(env = process.env): DrillObservers {
  const { PROMETHEUS_URL, ALERT_RECEIVER_OUT } = env;
  if (!PROMETHEUS_URL || !ALERT_RECEIVER_OUT) {
    throw new Error(
      'a drill needs the local Prometheus, Alertmanager and alert receiver (PROMETHEUS_URL and ' +
        'ALERT_RECEIVER_OUT in .local/infra.env): HEADLINER_OBSERVABILITY=metrics or on, then npm run infra -- up',
    );
  }
  return { prometheusUrl: PROMETHEUS_URL, receiverFile: ALERT_RECEIVER_OUT };
}
