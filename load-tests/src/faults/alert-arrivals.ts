import { existsSync, readFileSync } from 'node:fs';

/** One Alertmanager message about one system, as the local alert receiver wrote it down. */
export interface AlertArrival {
  /** When the receiver got it, ms since the epoch. */
  at: number;
  status: 'firing' | 'resolved';
  alertname: string;
  severity: string;
  service?: string;
}

// The title deploy/observability/alertmanager/slack.tmpl writes:
// "[FIRING:1] HeadlinerServiceDown (page) system=drill-… service=wallet".
const titlePattern =
  /^\[(FIRING|RESOLVED)(?::\d+)?\] (\S+) \((\w*)\) system=(\S+)(?: service=(\S+))?/;

interface ReceivedLine {
  receivedAt: string;
  message: { attachments?: { title?: string }[] };
}

/** The first firing message, at or after `since`, of one of `alertnames`. */
export function firstFiring(
  arrivals: AlertArrival[],
  alertnames: readonly string[],
  since: number,
): AlertArrival | undefined {
  return arrivals.find(
    (arrival) =>
      arrival.at >= since && arrival.status === 'firing' && alertnames.includes(arrival.alertname),
  );
}

/** Every message the receiver's file (ALERT_RECEIVER_OUT) holds about `system`, oldest first. */
export function alertArrivals(receiverFile: string, system: string): AlertArrival[] {
  if (!existsSync(receiverFile)) return [];
  const arrivals: AlertArrival[] = [];
  for (const line of readFileSync(receiverFile, 'utf8').split('\n')) {
    if (!line.includes(`system=${system}`)) continue;
    const received = JSON.parse(line) as ReceivedLine;
    for (const { title = '' } of received.message.attachments ?? []) {
      const match = titlePattern.exec(title);
      if (!match || match[4] !== system) continue;
      arrivals.push({
        at: Date.parse(received.receivedAt),
        status: match[1] === 'FIRING' ? 'firing' : 'resolved',
        alertname: match[2]!,
        severity: match[3]!,
        ...(match[5] ? { service: match[5] } : {}),
      });
    }
  }
  return arrivals;
}
