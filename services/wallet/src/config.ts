import { MAX_PRICE_WON, TopicNamespace, WON_CEILING } from '@headliner/contracts';
import {
  baseConfigSchema,
  envVar,
  exitOnConfigError,
  loadConfig,
} from '@headliner/platform/config';
import { z } from 'zod';

const maxBalanceRule = `must be an integer between ${MAX_PRICE_WON} and ${WON_CEILING}`;

export const configSchema = baseConfigSchema.extend({
  PORT: envVar.port(8084),
  DATABASE_URL: envVar.url(['postgres', 'postgresql']),
  /** Connections to PostgreSQL; the saga consumer keeps up to 8 busy on its own. */
  DATABASE_POOL_SIZE: envVar.positiveInt(20),
  KAFKA_BROKERS: envVar.brokerList(),
  ...envVar.kafkaConnection(),
  /** '' in production; 'e2e.' etc. keeps a test system's topics and consumer groups apart. */
  KAFKA_NAMESPACE: TopicNamespace.default(''),
  /**
   * No charge takes a balance past this (10^12 won by default): at least one seat's price, at
   * most the contracts' WON_CEILING. Keep it well below the ceiling, which the database enforces
   * on every balance: a refund gives a debit back even to a wallet charged to its maximum since.
   */
  MAX_BALANCE_WON: envVar
    .positiveInt(1_000_000_000_000)
    .pipe(z.number().min(MAX_PRICE_WON, maxBalanceRule).max(WON_CEILING, maxBalanceRule)),
  /**
   * What one user's charges may add up to in a day (Asia/Seoul), 1,000,000 won by default: the
   * wallet stands in for a payment provider, which would cap a card's daily spend too.
   */
  WALLET_DAILY_CHARGE_CAP_WON: envVar
    .positiveInt(1_000_000)
    .pipe(z.number().max(WON_CEILING, `must be at most ${WON_CEILING}`)),
});

export type Config = z.output<typeof configSchema>;

/** Parsed once, at boot: a bad environment stops the process with every problem named. */
export const config: Config = exitOnConfigError(() => loadConfig(configSchema));
