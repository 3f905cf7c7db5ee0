import type { KafkaMessage } from 'kafkajs';
import { dlqEntryOf, type DlqEntry } from '../src/messaging/dlq/dlq-entry';
import { selectEntries, type Selection } from '../src/messaging/dlq/dlq-selection';
import { dlqTopicNamed } from '../src/messaging/dlq/dlq-topic';
import type { HandledRecord } from '../src/messaging/dlq/handled-record';
import { replayMessage } from '../src/messaging/dlq/replay-message';

function parked(offset: string, type: string, parkedAt: string, headers = {}): DlqEntry {
  const message = {
    offset,
    key: Buffer.from(`key-${offset}`),
    value: Buffer.from(JSON.stringify({ eventId: `event-${offset}`, type })),
    timestamp: String(Date.parse(parkedAt)),
    headers: {
      traceparent: Buffer.from('00-trace'),
      'dlq-source-topic': Buffer.from('orders'),
      'dlq-error-message': Buffer.from('boom'),
      ...headers,
    },
  } as unknown as KafkaMessage;
  return dlqEntryOf(0, message);
}

const entries = [
  parked('0', 'payment.requested', '2026-12-04T10:00:00Z'),
  parked('1', 'payment.cancelled', '2026-12-04T11:00:00Z'),
  parked('2', 'payment.requested', '2026-12-04T12:00:00Z'),
];
const discarded = new Map<string, HandledRecord>([
  [
    '0:2',
    {
      action: 'discarded',
      dlqTopic: 'orders.dlq',
      partition: 0,
      offset: '2',
      operator: 'ana',
      at: '2026-12-04T12:30:00Z',
    },
  ],
]);
const none: Selection = { positions: [], includeHandled: false };
const offsetsOf = (selection: Selection) =>
  selectEntries(entries, discarded, selection).map(({ entry }) => entry.offset);

describe('when entries are selected', () => {
  it('leaves out what an operator handled already, unless asked', () => {
    expect(offsetsOf(none)).toEqual(['0', '1']);
    expect(offsetsOf({ ...none, includeHandled: true })).toEqual(['0', '1', '2']);
  });

  it('keeps only entries matching every criterion given', () => {
    expect(offsetsOf({ ...none, eventType: 'payment.requested' })).toEqual(['0']);
    expect(offsetsOf({ ...none, since: new Date('2026-12-04T11:00:00Z') })).toEqual(['1']);
    expect(offsetsOf({ ...none, until: new Date('2026-12-04T11:00:00Z') })).toEqual(['0']);
    expect(offsetsOf({ ...none, positions: [{ partition: 0, offset: '1' }] })).toEqual(['1']);
    expect(offsetsOf({ ...none, positions: [{ partition: 1, offset: '1' }] })).toEqual([]);
  });
});

describe('when an entry is read from the DLQ', () => {
  it('tells its original headers from why it was parked', () => {
    const [entry] = entries;
    expect(entry?.headers).toEqual({ traceparent: Buffer.from('00-trace') });
    expect(entry?.failure).toEqual({ 'source-topic': 'orders', 'error-message': 'boom' });
    expect(entry).toMatchObject({ eventId: 'event-0', eventType: 'payment.requested' });
  });

  it('reads an unreadable value as no event rather than failing', () => {
    const message = { offset: '5', key: null, value: Buffer.from('{"not'), timestamp: '0' };
    expect(dlqEntryOf(1, message as KafkaMessage)).toMatchObject({
      eventId: undefined,
      eventType: undefined,
    });
  });

  it('is replayed with its key, value and original headers, and says which entry it replays', () => {
    const entry = parked('7', 'payment.requested', '2026-12-04T10:00:00Z', {
      'dlq-replay-of': Buffer.from('orders.dlq:0:3'),
    });
    expect(entry.replayOf).toBe('orders.dlq:0:3');
    expect(replayMessage(entry, 'orders.dlq')).toEqual({
      key: entry.key,
      value: entry.value,
      headers: { traceparent: Buffer.from('00-trace'), 'dlq-replay-of': 'orders.dlq:0:7' },
    });
  });
});

describe('when the operator names a topic', () => {
  const registry = [
    {
      name: 'headliner.payment.requested.v1',
      dlq: 'headliner.payment.requested.v1.dlq',
      events: [{ type: 'payment.requested' }],
    },
  ];

  it('finds the DLQ of a registered event type or topic under the namespace', () => {
    for (const given of [
      'payment.requested',
      'headliner.payment.requested.v1',
      'headliner.payment.requested.v1.dlq',
    ])
      expect(dlqTopicNamed(given, registry, 'e2e.')).toBe('e2e.headliner.payment.requested.v1.dlq');
  });

  it('takes any other name as the topic or DLQ it is', () => {
    expect(dlqTopicNamed('test.abc', registry, '')).toBe('test.abc.dlq');
    expect(dlqTopicNamed('test.abc.dlq', registry, '')).toBe('test.abc.dlq');
  });
});
