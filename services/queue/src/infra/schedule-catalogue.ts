import {
  createUpstreamClient,
  ownCallerStatement,
  ProblemError,
  type Logger,
} from '@headliner/platform';

/** Whether the concert catalogue knows a schedule: a waiting room is only made for one it does. */
export interface ScheduleCatalogue {
  isKnown(scheduleId: string): Promise<boolean>;
}

export interface ScheduleCatalogueOptions {
  concertUrl: string;
  timeoutMs: number;
  /** Signs the queue's own statement on each call, as the concert service requires. */
  internalAuthSecret: string;
  logger: Logger;
}

/**
 * Asks the concert service's seat map once per schedule, through a circuit breaker. A schedule
 * is never deleted, so a known one is remembered for good (a few bytes each); an unknown one, or
 * a failed call, is asked about again.
 */
export function createScheduleCatalogue(options: ScheduleCatalogueOptions): ScheduleCatalogue {
  const concert = createUpstreamClient({
    name: 'concert',
    baseURL: options.concertUrl,
    timeoutMs: options.timeoutMs,
    logger: options.logger,
  });
  const known = new Set<string>();
  const asking = new Map<string, Promise<boolean>>();

  const ask = async (scheduleId: string): Promise<boolean> => {
    try {
      const answer = await concert.get(`/api/v1/schedules/${scheduleId}/seats`, {
        headers: ownCallerStatement('queue', 'concert', options.internalAuthSecret),
        validateStatus: (status) => status === 200 || status === 404,
      });
      if (answer.status === 200) known.add(scheduleId);
      return answer.status === 200;
    } catch (error) {
      if (error instanceof ProblemError) throw error; // the breaker is open
      throw ProblemError.serviceUnavailable(
        'The concert catalogue could not be reached to look up the schedule. Please try again shortly.',
        { type: 'upstream-unavailable', extensions: { upstream: 'concert' }, cause: error },
      );
    }
  };

  return {
    async isKnown(scheduleId) {
      if (known.has(scheduleId)) return true;
      // Fans arriving together for one schedule share a single call.
      let answer = asking.get(scheduleId);
      if (!answer) {
        answer = ask(scheduleId).finally(() => asking.delete(scheduleId));
        asking.set(scheduleId, answer);
      }
      return answer;
    },
  };
}
