import { memorySection, settledGrowthBytes } from '../memory-growth';

const MiB = 2 ** 20;
const at = (seconds: number, mib: number) => ({ atMs: seconds * 1000, rssBytes: mib * MiB });

describe("when a service's heap grows to its working size and then stays", () => {
  const samples = [at(0, 100), at(300, 250), at(600, 262), at(1200, 260), at(1800, 261)];

  it('counts the warm-up in the growth but not in the growth over the second half', () => {
    expect(settledGrowthBytes(samples)).toBe(1 * MiB);
    const section = memorySection({ gateway: samples });
    expect(section).toContain(
      '| gateway | 5 | 1800 s | 100.0 MiB | 261.0 MiB | 262.0 MiB | +161.0 MiB | +1.0 MiB |',
    );
  });
});

describe('when a service keeps growing', () => {
  it('shows the growth over the second half', () => {
    const leaking = [at(0, 100), at(600, 200), at(900, 250), at(1200, 300), at(1800, 400)];

    expect(settledGrowthBytes(leaking) / MiB).toBe(150);
  });
});

describe('when there are no samples', () => {
  it('has no growth', () => {
    expect(settledGrowthBytes([])).toBe(0);
  });
});
