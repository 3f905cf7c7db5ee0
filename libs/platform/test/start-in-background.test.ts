import { createLogger, startInBackground } from '../src';
import { captureLogs } from './support/captured-logs';

const silent = createLogger({ service: 'test', level: 'silent' });

describe('when the first attempts to start fail', () => {
  it('tries again with a growing, capped pause, and checks up once it started', async () => {
    const { logger, lines } = captureLogs();
    const attemptsAt: number[] = [];
    const startup = startInBackground({
      name: 'kafka',
      logger,
      firstDelayMs: 20,
      maxDelayMs: 40,
      start: async () => {
        attemptsAt.push(Date.now());
        if (attemptsAt.length < 4) throw new Error('connect ECONNREFUSED 127.0.0.1:9092');
      },
    });

    expect(() => startup.check()).toThrow('starting');
    await startup.done;

    expect(() => startup.check()).not.toThrow();
    expect(attemptsAt).toHaveLength(4);
    const pauses = attemptsAt.slice(1).map((at, index) => at - attemptsAt[index]!);
    expect(pauses[0]).toBeGreaterThanOrEqual(19);
    expect(pauses[1]).toBeGreaterThanOrEqual(39);
    expect(pauses[2]).toBeGreaterThanOrEqual(39);
    expect(lines.map((line) => [line.msg, line.delayMs])).toEqual([
      ['kafka not started; trying again', 20],
      ['kafka not started; trying again', 40],
      ['kafka not started; trying again', 40],
      ['kafka started', undefined],
    ]);
  });

  it('says why in its check, with the attempt', async () => {
    const startup = startInBackground({
      name: 'kafka',
      logger: silent,
      firstDelayMs: 60_000,
      start: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9092')),
    });
    await new Promise((resolve) => setImmediate(resolve));

    expect(() => startup.check()).toThrow(
      'not started: connect ECONNREFUSED 127.0.0.1:9092 (attempt 1)',
    );
    startup.stop();
    await startup.done;
  });
});

describe('when stopped before it could start', () => {
  it('makes no further attempt and ends its pause at once', async () => {
    let attempts = 0;
    const startup = startInBackground({
      name: 'kafka',
      logger: silent,
      firstDelayMs: 60_000,
      start: async () => {
        attempts += 1;
        throw new Error('broker not available');
      },
    });
    await new Promise((resolve) => setImmediate(resolve));

    startup.stop();
    await startup.done;

    expect(attempts).toBe(1);
    expect(() => startup.check()).toThrow('not started');
  });
});
