import { Counter } from 'prom-client';

export const rateLimitDecisions = new Counter({
  name: 'gateway_rate_limit_decisions_total',
  help: 'Rate limit decisions: allowed, limited (429), or fail_open (Redis unavailable)',
  labelNames: ['outcome'] as const,
});

export const responseCacheLookups = new Counter({
  name: 'gateway_response_cache_lookups_total',
  help: 'Reads anyone may make, answered from the gateway cache (hit) or the service (miss)',
  labelNames: ['upstream', 'result'] as const,
});

export const doorLimitDecisions = new Counter({
  name: 'gateway_door_limit_decisions_total',
  help: "Per-IP limit at the waiting room's door (challenges, joins): allowed, limited (429), fail_open",
  labelNames: ['outcome'] as const,
});
