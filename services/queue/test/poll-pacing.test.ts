import { pollAfterSeconds, type PacingInputs } from '../src/domain/poll-pacing';

const nowMs = Date.parse('2026-12-07T08:00:00Z');
const waiting = (position: number, waitIdleMs = 60_000): PacingInputs => ({
  status: 'WAITING',
  position,
  opensAtMs: 0,
  nowMs,
  waitIdleMs,
});

describe('when telling a fan when to poll again', () => {
  it('asks nothing of an active fan', () => {
    expect(pollAfterSeconds({ ...waiting(0), status: 'ACTIVE' })).toBe(0);
  });

  it('has the head of the line poll every second and the back less often', () => {
    expect(
      [1, 50, 51, 100, 101, 500].map((position) => pollAfterSeconds(waiting(position))),
    ).toEqual([1, 1, 2, 2, 3, 10]);
  });

  it('stays strictly under a third of the idle drop, so a fan who obeys is never dropped', () => {
    for (const idleSeconds of [1, 2, 3, 4, 10, 30, 60, 61, 600]) {
      const waitIdleMs = idleSeconds * 1000;
      for (const position of [1, 49, 500, 5_000, 1_000_000]) {
        const after = pollAfterSeconds(waiting(position, waitIdleMs));
        expect([idleSeconds, position, after * 3 < idleSeconds]).toEqual([
          idleSeconds,
          position,
          true,
        ]);
      }
    }
    expect(pollAfterSeconds(waiting(1_000_000))).toBe(19);
  });

  it('has a fan in the pre-queue come back at the opening, capped the same way', () => {
    const preQueue = (opensInMs: number): PacingInputs => ({
      status: 'PRE_QUEUE',
      position: 0,
      opensAtMs: nowMs + opensInMs,
      nowMs,
      waitIdleMs: 60_000,
    });
    expect(pollAfterSeconds(preQueue(200))).toBe(1);
    expect(pollAfterSeconds(preQueue(7_500))).toBe(8);
    expect(pollAfterSeconds(preQueue(3_600_000))).toBe(19);
  });
});
