import { cpuSecondsOf } from '../ceilings/process-cpu';

describe('the CPU time behind the ceilings’ figures', () => {
  it('reads how much CPU a process has used, and nothing for one that is gone', () => {
    const before = cpuSecondsOf(process.pid) as number;
    // Spend CPU until a clock tick (10 ms) shows it, however busy the machine.
    const giveUp = Date.now() + 5000;
    while ((cpuSecondsOf(process.pid) as number) <= before && Date.now() < giveUp);
    expect(cpuSecondsOf(process.pid)).toBeGreaterThan(before);
    expect(cpuSecondsOf(2 ** 22 + 1)).toBeUndefined();
  });
});
