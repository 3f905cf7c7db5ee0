import { randomUUID } from 'node:crypto';
import {
  events,
  partitionKeyOf,
  topicFor,
  topicNames,
  TopicNamespace,
  topics,
  topicsCarrying,
  topicsToCreate,
  type Topic,
  newEvent,
  PaymentCancelledEvent,
  ReservationHeldEvent,
} from '../src';
import { aHeldSeat } from './sample-events';

const everyTopic = Object.values<Topic>(topics);
const everyEvent = Object.entries(events).flatMap(([type, versions]) =>
  Object.keys(versions).map((version) => ({ type, version: Number(version) })),
);

describe('the topic registry', () => {
  it.each(everyTopic.map((topic) => [topic.name, topic]))(
    '%s has a DLQ named after it',
    (name, topic) => {
      expect(topic.dlq).toBe(`${name}.dlq`);
    },
  );

  it('gives every event type and version exactly one topic', () => {
    for (const event of everyEvent) {
      const carriers = everyTopic.filter((topic) =>
        topic.events.some(({ type, version }) => type === event.type && version === event.version),
      );
      expect(carriers.map((topic) => topic.name)).toHaveLength(1);
    }
  });

  it('carries no event the registry does not know', () => {
    const carried = everyTopic.flatMap((topic) => topic.events);
    expect(carried).toHaveLength(everyEvent.length);
    for (const event of carried) expect(everyEvent).toContainEqual(event);
  });

  it('names topics headliner.<event type>.v<version>', () => {
    for (const topic of everyTopic) {
      const names = topic.events.map(({ type, version }) => `headliner.${type}.v${version}`);
      expect(names).toEqual([topic.name]);
    }
  });

  it('finds the topics that carry the event types a consumer handles', () => {
    const carrying = topicsCarrying(['payment.completed', 'payment.failed', 'unknown.event']);
    expect(carrying).toEqual([topics.paymentCompleted, topics.paymentFailed]);
  });

  it('lists every topic and DLQ once for creation at startup', () => {
    const names = topicsToCreate().map((topic) => topic.name);
    expect(names).toHaveLength(everyTopic.length * 2);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('headliner.payment.failed.v1.dlq');
    expect(names).toEqual(
      expect.arrayContaining([
        'headliner.payment.cancelled.v1',
        'headliner.payment.cancelled.v1.dlq',
      ]),
    );
  });
});

describe('when a system runs without a namespace', () => {
  it('uses the registry names, unchanged', () => {
    for (const [key, topic] of Object.entries<Topic>(topics)) {
      expect(topicNames()[key as keyof typeof topics]).toBe(topic.name);
    }
    expect(topicNames('')).toEqual(topicNames());
    expect(topicsToCreate('')).toEqual(topicsToCreate());
  });
});

describe('when a system runs under a namespace', () => {
  it('puts the namespace in front of every topic name', () => {
    const names = topicNames('e2e.');
    expect(Object.keys(names)).toEqual(Object.keys(topics));
    expect(names.paymentRequested).toBe('e2e.headliner.payment.requested.v1');
    expect(names.reservationConfirmed).toBe('e2e.headliner.reservation.confirmed.v1');
  });

  it('creates each namespaced topic with its DLQ at <namespaced name>.dlq', () => {
    const created = topicsToCreate('e2e.');
    expect(created).toHaveLength(topicsToCreate().length);
    for (const name of Object.values(topicNames('e2e.'))) {
      expect(created.map((topic) => topic.name)).toEqual(
        expect.arrayContaining([name, `${name}.dlq`]),
      );
    }
    expect(created.every((topic) => topic.name.startsWith('e2e.headliner.'))).toBe(true);
  });

  it.each(['e2e.', 'ci-42.', ''])('accepts the namespace %j', (namespace) => {
    expect(TopicNamespace.safeParse(namespace).success).toBe(true);
  });

  it.each(['e2e', 'E2E.', 'e2e..', '.', 'a.b.'])('refuses the namespace %j', (namespace) => {
    expect(TopicNamespace.safeParse(namespace).error?.issues[0]?.message).toMatch(
      /ending with a dot/,
    );
  });
});

describe('when a relay publishes an event', () => {
  it('finds its topic and keys it by reservation', () => {
    const event = newEvent(ReservationHeldEvent, aHeldSeat());
    expect(topicFor(event).name).toBe('headliner.reservation.held.v1');
    expect(partitionKeyOf(event)).toBe(event.payload.reservationId);
  });

  it('keys a payment cancellation by its reservation, like the rest of its saga', () => {
    const event = newEvent(PaymentCancelledEvent, {
      paymentId: randomUUID(),
      reservationId: randomUUID(),
      userId: randomUUID(),
      amount: 165_000,
      reason: 'TIMED_OUT',
    });
    expect(topicFor(event)).toMatchObject({
      name: 'headliner.payment.cancelled.v1',
      partitions: 3,
    });
    expect(partitionKeyOf(event)).toBe(event.payload.reservationId);
  });

  it('refuses an event no topic carries', () => {
    expect(() => topicFor({ type: 'reservation.held', version: 9 })).toThrow(/No topic carries/);
  });
});
