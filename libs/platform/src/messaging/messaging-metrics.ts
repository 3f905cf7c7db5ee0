import { Counter, Gauge } from 'prom-client';

export const outboxPublished = new Counter({
  name: 'outbox_events_published_total',
  help: 'Outbox events relayed to Kafka',
  labelNames: ['topic'],
});

export const outboxRelayLag = new Gauge({
  name: 'outbox_relay_lag_seconds',
  help: 'Age of the oldest unpublished outbox event at the last relay pass',
});

export const outboxPending = new Gauge({
  name: 'outbox_pending_events',
  help: 'Unpublished outbox events at the last relay pass',
});

export const consumedEvents = new Counter({
  name: 'kafka_events_consumed_total',
  help: 'Consumed events by outcome: applied, duplicate, retried or dead_lettered',
  labelNames: ['topic', 'consumer', 'outcome'],
});
