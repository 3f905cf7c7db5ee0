import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpuSecondsOf, pidListeningOn } from '../ceilings/process-cpu';

describe('the processes behind the ceilings’ CPU figures', () => {
  it('finds the process listening on a port, and nobody on a closed one', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      expect(pidListeningOn(port)).toBe(process.pid);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(pidListeningOn(port)).toBeUndefined();
  });

  it('reads how much CPU a process has used, and nothing for one that is gone', () => {
    const before = cpuSecondsOf(process.pid) as number;
    // Spend CPU until a clock tick (10 ms) shows it, however busy the machine.
    const giveUp = Date.now() + 5000;
    while ((cpuSecondsOf(process.pid) as number) <= before && Date.now() < giveUp);
    expect(cpuSecondsOf(process.pid)).toBeGreaterThan(before);
    expect(cpuSecondsOf(2 ** 22 + 1)).toBeUndefined();
  });
});
