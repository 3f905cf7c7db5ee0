/** Redis did not answer (down, unreachable, too slow): the queue cannot decide anything now. */
export class QueueStoreUnavailableError extends Error {
  override readonly name = 'QueueStoreUnavailableError';

  constructor(cause: unknown) {
    super(`the queue store is unavailable: ${(cause as Error)?.message ?? String(cause)}`, {
      cause,
    });
  }
}

/** Marks a failed Redis call as an outage, so callers answer 503 and the consumer retries. */
export function fromStore<T>(call: Promise<T>): Promise<T> {
  return call.catch((error: unknown) => {
    throw new QueueStoreUnavailableError(error);
  });
}
