import { eventually } from '@headliner/testing';
import { keepJobScheduler } from '../src';
import { captureLogs } from './support/captured-logs';

describe('when the job scheduler cannot be asserted for a while', () => {
  it('keeps trying on every tick, warns once, and says when it is asserted again', async () => {
    const { logger, lines } = captureLogs();
    let calls = 0;
    const kept = keepJobScheduler({
      name: 'sweep',
      intervalMs: 20,
      logger,
      upsert: async () => {
        calls += 1;
        if (calls <= 3) throw new Error('Connection is closed.');
      },
    });

    await eventually(
      async () => calls,
      (count) => count >= 6,
      5_000,
    );
    await kept.stop();
    const stoppedAt = calls;
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(calls).toBe(stoppedAt);
    expect(lines.map((line) => [line.level, line.msg, line.scheduler])).toEqual([
      ['warn', 'job scheduler could not be asserted', 'sweep'],
      ['info', 'job scheduler asserted again', 'sweep'],
    ]);
  });
});
