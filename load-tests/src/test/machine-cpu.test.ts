import {
  cpuTimes,
  describeBusy,
  idleShare,
  sampleMachineBusy,
  settleMachine,
  type CpuTimes,
} from '../machine-cpu';

/** A machine whose cores were idle for the given shares of each second, in turn. */
function machineIdling(shares: readonly number[]) {
  let second = 0;
  let times: CpuTimes = { idle: 0, total: 0 };
  return () => {
    const share = second === 0 ? 0 : (shares[second - 1] ?? 1);
    times = { idle: times.idle + share * 2000, total: times.total + 2000 };
    second += 1;
    return times;
  };
}

const noWait = () => Promise.resolve();

describe('starting each full-size scenario on a settled machine', () => {
  it('starts once the cores were idle enough for the seconds asked, however busy before', async () => {
    const result = await settleMachine({
      idle: 0.85,
      quietSeconds: 3,
      maxSeconds: 60,
      sample: machineIdling([0.1, 0.9, 0.2, 0.9, 0.95, 0.88, 0.3]),
      wait: noWait,
    });
    expect(result).toEqual({ settled: true, seconds: 6, lastIdle: 0.88 });
  });

  it('gives up after the longest wait and says the machine never settled', async () => {
    const result = await settleMachine({
      idle: 0.85,
      quietSeconds: 3,
      maxSeconds: 10,
      sample: machineIdling(new Array(20).fill(0.5)),
      wait: noWait,
    });
    expect(result).toEqual({ settled: false, seconds: 10, lastIdle: 0.5 });
  });

  it('reads the share of this machine’s CPU time spent idle', () => {
    const before = cpuTimes();
    const giveUp = Date.now() + 5000;
    let after = cpuTimes();
    while (after.total === before.total && Date.now() < giveUp) after = cpuTimes();
    const share = idleShare(before, after);
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(1);
    expect(after.total).toBeGreaterThan(before.total);
  });
});

describe('the machine’s CPU while a scenario runs', () => {
  it('records each second’s busy share', async () => {
    let idle = 0;
    let total = 0;
    const machine = sampleMachineBusy(() => {
      idle += 500;
      total += 2000;
      return { idle, total };
    });
    await new Promise((resolve) => setTimeout(resolve, 2100));

    expect(machine.stop()).toEqual([0.75, 0.75]);
  });

  it('reports the median second and how many seconds both cores were taken', () => {
    expect(describeBusy([0.2, 0.99, 0.95, 0.6, 0.97])).toBe(
      "the machine's cores were 95 % busy in the median second and ≥ 95 % busy in 3 of 5 s",
    );
  });
});
