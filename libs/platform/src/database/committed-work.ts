import type { Logger } from 'pino';

/** The after-commit work of one transaction, run in the order it was added. */
export function committedWork(logger: Logger) {
  const queued: (() => unknown)[] = [];
  return {
    add: (work: () => unknown) => {
      queued.push(work);
    },
    run: async () => {
      for (const work of queued) {
        try {
          await work();
        } catch (error) {
          logger.error({ err: error }, 'work after commit failed; the transaction stands');
        }
      }
    },
  };
}
