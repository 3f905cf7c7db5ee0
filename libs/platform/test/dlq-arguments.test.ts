import { DlqUsageError, parseDlqArguments } from '../src/messaging/dlq/dlq-arguments';

const now = new Date('2026-12-04T12:00:00.000Z');
const parse = (line: string) => parseDlqArguments(line.split(' '), now);

describe('when an operator types a dlq command', () => {
  it('reads the topic, the entries and the filters', () => {
    const command = parse(
      'replay --topic payment.requested --entry 0:42 --entry 2:7 --type payment.requested --since 2h --until 2026-12-04T11:30:00Z --dry-run',
    );
    expect(command).toMatchObject({
      name: 'replay',
      topic: 'payment.requested',
      dryRun: true,
      selection: {
        positions: [
          { partition: 0, offset: '42' },
          { partition: 2, offset: '7' },
        ],
        eventType: 'payment.requested',
        since: new Date('2026-12-04T10:00:00.000Z'),
        until: new Date('2026-12-04T11:30:00.000Z'),
        includeHandled: false,
      },
    });
  });

  it('takes ages in minutes and days as well as hours', () => {
    expect(parse('list --topic t --since 30m').selection.since).toEqual(
      new Date('2026-12-04T11:30:00.000Z'),
    );
    expect(parse('list --topic t --since 7d').selection.since).toEqual(
      new Date('2026-11-27T12:00:00.000Z'),
    );
  });

  it('lists every DLQ when no topic is named', () => {
    expect(parse('list').topic).toBeUndefined();
  });

  it('lists with no selection, everything still to be handled', () => {
    expect(parse('list --topic t').selection).toEqual({
      positions: [],
      eventType: undefined,
      since: undefined,
      until: undefined,
      includeHandled: false,
    });
  });

  it.each([
    ['', 'unknown command: (none)'],
    ['purge --topic t', 'unknown command: purge'],
    ['show', 'show needs --topic'],
    ['replay --all', 'replay needs --topic'],
    ['list --topic t extra', 'unexpected argument: extra'],
    ['list --topic t --offset 3', "Unknown option '--offset'"],
    ['show --topic t --entry 42', '--entry must be partition:offset'],
    ['list --topic t --since yesterday', '--since must be an ISO time or an age'],
    ['list --topic t --until 12:00', '--until must be an ISO time or an age'],
    ['replay --topic t', 'replay needs a selection'],
    ['discard --topic t --all', 'discard needs --reason'],
    ['list --topic t --dry-run', '--dry-run is for replay and discard'],
  ])('refuses "%s": %s', (line, reason) => {
    const parsing = () => parseDlqArguments(line === '' ? [] : line.split(' '), now);
    expect(parsing).toThrow(DlqUsageError);
    expect(parsing).toThrow(reason);
  });

  it('replays or discards every pending entry only when told --all', () => {
    expect(parse('replay --topic t --all').selection.positions).toEqual([]);
    expect(
      parseDlqArguments(['discard', '--topic', 't', '--all', '--reason', 'test data'], now),
    ).toMatchObject({ name: 'discard', reason: 'test data' });
  });
});
