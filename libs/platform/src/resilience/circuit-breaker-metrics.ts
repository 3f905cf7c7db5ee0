import { Counter, Gauge, type Registry } from 'prom-client';

export interface CircuitBreakerMetrics {
  state: Gauge<'breaker'>;
  events: Counter<'breaker' | 'event'>;
}

/** Shared by every breaker on a registry, one label value per breaker. */
export function circuitBreakerMetrics(registry: Registry): CircuitBreakerMetrics {
  const state =
    (registry.getSingleMetric('circuit_breaker_state') as Gauge<'breaker'> | undefined) ??
    new Gauge({
      name: 'circuit_breaker_state',
      help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open',
      labelNames: ['breaker'],
      registers: [registry],
    });
  const events =
    (registry.getSingleMetric('circuit_breaker_events_total') as
      Counter<'breaker' | 'event'> | undefined) ??
    new Counter({
      name: 'circuit_breaker_events_total',
      help: 'Calls through a circuit breaker by outcome: success, failure (timeouts included), timeout, or reject (failed fast while open)',
      labelNames: ['breaker', 'event'],
      registers: [registry],
    });
  return { state, events };
}
