import { alertArrivals, firstFiring } from './alert-arrivals';
import type { Fault } from './fault-catalogue';
import { signInOperator, type Operator } from './operator';

export interface MitigationRecord {
  description: string;
  /** When the operator applied it and took it back, ms since the epoch. */
  appliedAt?: number;
  undoneAt?: number;
  /** Why the operator's call failed, if it did. */
  error?: string;
}

export interface MitigationWatch {
  /** After the fault's removal: takes the mitigation back and says what was done. */
  end(): Promise<MitigationRecord | undefined>;
}

/**
 * Plays the operator who follows the runbook: from the injection on, as soon as one of the fault's
 * alerts has arrived at the receiver, applies the fault's mitigation through the gateway's admin
 * endpoints; `end` takes it back once the fault is gone.
 */
export function mitigateOnAlert(
  fault: Fault,
  gatewayUrl: string,
  watched: { receiverFile: string; system: string; since: number },
): MitigationWatch {
  const { mitigation } = fault;
  if (!mitigation) return { end: async () => undefined };
  const record: MitigationRecord = { description: mitigation.description };
  let ended = false;
  let operator: Operator | undefined;
  const alerted = () =>
    firstFiring(
      alertArrivals(watched.receiverFile, watched.system),
      fault.detectedBy,
      watched.since,
    ) !== undefined;
  const watching = (async () => {
    while (!ended && !alerted()) await new Promise((resolve) => setTimeout(resolve, 1000));
    if (ended) return;
    operator = await signInOperator(gatewayUrl);
    await mitigation.apply(operator);
    record.appliedAt = Date.now();
    console.log(`   ${fault.name}: mitigated (${mitigation.description})`);
  })().catch((error: unknown) => {
    record.error = String(error);
  });
  return {
    end: async () => {
      ended = true;
      await watching;
      if (operator && record.appliedAt !== undefined) {
        await mitigation.undo(operator).then(
          () => (record.undoneAt = Date.now()),
          (error: unknown) => (record.error = String(error)),
        );
      }
      return record;
    },
  };
}
