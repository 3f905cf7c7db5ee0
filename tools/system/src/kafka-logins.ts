import { eventServices, type KafkaCredentials } from '@headliner/platform';
import type { Service } from './services';

export type KafkaLogins = Partial<Record<Service, KafkaCredentials>>;

/**
 * Each service's principal on the local broker (its SCRAM password is in .local/secrets, where
 * deploy/infra/infra.sh made it), when the broker is ours: .local/infra.env names its admin.
 * None for a broker without SASL, or when KAFKA_SASL_USERNAME/PASSWORD are given (every service
 * then logs in with those, e.g. on a managed broker).
 */
export function localKafkaLogins(readSecret: (name: string) => string): KafkaLogins {
  if (!process.env.KAFKA_ADMIN_USERNAME || process.env.KAFKA_SASL_USERNAME) return {};
  return Object.fromEntries(
    eventServices.map((service) => [
      service,
      { username: service, password: readSecret(`secrets/kafka-${service}`) },
    ]),
  );
}
