import {
  seedSystem,
  startSystem,
  type SeedPlan,
  type System,
  type SystemOptions,
} from '@headliner/system';

// A fresh system for load (startSystem: fresh databases from the templates, a random Redis prefix
// and Kafka namespace) on ports of its own, so a bench never collides with an e2e run.

/** Gateway port of the bench's system; LOAD_PORT_BASE moves it. */
export const BENCH_PORT_BASE = Number(process.env.LOAD_PORT_BASE ?? 28080);

export const PASSWORD = 'password';

// Every fan of a load test comes from 127.0.0.1 and some make dozens of calls a second: the
// gateway's rate limits would make the scenarios measure 429s.
const loadTestEnv = {
  RATE_LIMIT_PER_SECOND: '1000000',
  RATE_LIMIT_BURST: '1000000',
  RATE_LIMIT_ANONYMOUS_PER_SECOND: '1000000',
  RATE_LIMIT_ANONYMOUS_BURST: '1000000',
  // charge-balance charges each fan up to 100,000 won a round for minutes: past the daily cap.
  WALLET_DAILY_CHARGE_CAP_WON: '1000000000000',
};

/** Seeded fans share one cheap password hash: the scenarios measure booking, not scrypt. */
export const seedDefaults = {
  concerts: 10,
  schedulesPerConcert: 5,
  price: 10_000,
  balance: 10_000_000,
  password: PASSWORD,
  scryptCost: 1024,
};

/** `seeder` seeds another way than in this process (jest cannot load the Prisma clients). */
export async function bootSeeded(
  env: Record<string, string>,
  options: SystemOptions,
  seed: Omit<SeedPlan, keyof typeof seedDefaults> & Partial<SeedPlan>,
  seeder: typeof seedSystem = seedSystem,
): Promise<System> {
  const system = await startWhenTemplatesFree({ ...loadTestEnv, ...env }, options);
  try {
    await seeder((service) => system.databaseUrl(service), { ...seedDefaults, ...seed });
  } catch (error) {
    await system.stop();
    throw error;
  }
  return system;
}

const TEMPLATE_IN_USE = '55006';

/**
 * PostgreSQL clones a template only while nobody is connected to it, and on a shared machine a
 * migration or another clone sometimes is: wait a little and try again.
 */
async function startWhenTemplatesFree(env: Record<string, string>, options: SystemOptions) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startSystem(env, options);
    } catch (error) {
      if ((error as { code?: string }).code !== TEMPLATE_IN_USE || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000 * attempt));
    }
  }
}
