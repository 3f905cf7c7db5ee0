import type { Admin } from 'kafkajs';
import { watchConsumerLag } from '../src/messaging/consumer-lag';
import { captureLogs } from './support/captured-logs';

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('when the consumer lag cannot be read', () => {
  it('logs the outage once, keeps trying, and gives up on a pass that hangs', async () => {
    let calls = 0;
    // A broker that never answers: every pass must end at its bound, not wait forever.
    const hangingAdmin = {
      fetchOffsets: () => {
        calls += 1;
        return new Promise(() => undefined);
      },
    } as unknown as Admin;
    const { logger, lines } = captureLogs();

    const watch = watchConsumerLag({
      admin: hangingAdmin,
      groupId: 'group',
      topics: [{ name: 'topic', dlq: 'topic.dlq' }],
      logger,
      intervalMs: 20,
    });
    await until(() => calls >= 4);
    watch.stop();

    const warnings = lines.filter((line) => line.msg === 'consumer lag not read; trying again');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ err: { message: 'no answer within 20 ms' } });
  });
});
