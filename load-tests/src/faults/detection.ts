import { alertArrivals, firstFiring, type AlertArrival } from './alert-arrivals';
import type { Fault } from './fault-catalogue';
import type { FaultWindow } from './recovery';

/** The target: every drill's fault paged or ticketed within a minute of its start. */
export const detectionTargetSeconds = 60;

// Waited for past the target so a late alert is reported late rather than missing.
const waitSeconds = detectionTargetSeconds + 30;

export interface Detection {
  /** The first firing message of one of the fault's alerts, seconds after the injection. */
  first?: { alertname: string; severity: string; seconds: number };
  /** Every message about the system from the injection on (other alerts, resolutions). */
  arrivals: AlertArrival[];
}

/**
 * Waits until one of the fault's alerts (`detectedBy`) has arrived at the receiver, or
 * `waitSeconds` after the injection, and reads what arrived about the system.
 */
export async function awaitDetection(
  fault: Fault,
  window: FaultWindow,
  receiverFile: string,
  system: string,
): Promise<Detection> {
  const deadline = window.injectedAt + waitSeconds * 1000;
  for (;;) {
    const arrivals = alertArrivals(receiverFile, system).filter(
      (arrival) => arrival.at >= window.injectedAt,
    );
    const first = firstFiring(arrivals, fault.detectedBy, window.injectedAt);
    if (first || fault.detectedBy.length === 0 || Date.now() >= deadline) {
      return {
        ...(first && {
          first: {
            alertname: first.alertname,
            severity: first.severity,
            seconds: Math.round((first.at - window.injectedAt) / 100) / 10,
          },
        }),
        arrivals,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
