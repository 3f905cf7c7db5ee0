import { randomUUID } from 'node:crypto';
import { ConcertListQuery, CreateConcertRequest, CreateScheduleRequest, SeatMap } from '../src';
import { rejectedFields } from './rejected-fields';

describe('when an admin creates a concert', () => {
  const concert = { title: 'Golden Hour', artist: 'IU', venue: 'KSPO Dome' };

  it('accepts title, artist and venue, with or without a description', () => {
    expect(rejectedFields(CreateConcertRequest, concert)).toEqual([]);
    expect(rejectedFields(CreateConcertRequest, { ...concert, description: 'Tour' })).toEqual([]);
  });

  it.each(['title', 'artist', 'venue'])('rejects a concert without %s', (field) => {
    const body = Object.fromEntries(Object.entries(concert).filter(([key]) => key !== field));
    expect(rejectedFields(CreateConcertRequest, body)).toEqual([field]);
  });

  it('rejects an empty title and an unknown field', () => {
    expect(rejectedFields(CreateConcertRequest, { ...concert, title: '', genre: 'pop' })).toEqual([
      'title',
      'genre',
    ]);
  });

  it.each(['title', 'artist', 'venue', 'description'])('rejects a NUL in the %s', (field) => {
    const body = { ...concert, description: 'Tour', [field]: 'Golden\u0000Hour' };
    expect(rejectedFields(CreateConcertRequest, body)).toEqual([field]);
  });

  it('keeps line breaks and tabs in a description, and nothing else of the controls', () => {
    const lines = { ...concert, description: 'Day 1\n\tSeoul\r\nDay 2' };
    expect(rejectedFields(CreateConcertRequest, lines)).toEqual([]);
    expect(rejectedFields(CreateConcertRequest, { ...lines, title: 'Golden\nHour' })).toEqual([
      'title',
    ]);
    expect(rejectedFields(CreateConcertRequest, { ...concert, description: 'bell\u0007' })).toEqual(
      ['description'],
    );
  });
});

describe('when an admin creates a schedule', () => {
  const schedule = { startsAt: '2026-05-01T19:00:00+09:00', seatCount: 50, price: 165_000 };

  it('accepts a start with an offset or in UTC', () => {
    expect(rejectedFields(CreateScheduleRequest, schedule)).toEqual([]);
    expect(
      rejectedFields(CreateScheduleRequest, { ...schedule, startsAt: '2026-05-01T10:00:00Z' }),
    ).toEqual([]);
  });

  it.each([
    ['a start without an offset', { startsAt: '2026-05-01T19:00:00' }, 'startsAt'],
    ['a date that does not exist', { startsAt: '2026-02-30T19:00:00Z' }, 'startsAt'],
    ['a start that is not a date', { startsAt: 'next friday' }, 'startsAt'],
    ['zero seats', { seatCount: 0 }, 'seatCount'],
    ['1001 seats', { seatCount: 1001 }, 'seatCount'],
    ['a fractional seat count', { seatCount: 1.5 }, 'seatCount'],
    ['a zero price', { price: 0 }, 'price'],
    ['a negative price', { price: -1 }, 'price'],
    ['a price over ten million won', { price: 10_000_001 }, 'price'],
    ['a price as a string', { price: '165000' }, 'price'],
  ])('rejects %s', (_case, change, field) => {
    expect(rejectedFields(CreateScheduleRequest, { ...schedule, ...change })).toEqual([field]);
  });
});

describe('when the catalogue serves a seat map', () => {
  it('accepts the three seat statuses and names the seat of an unknown one', () => {
    const seat = (status: string, number: number) => ({
      seatId: randomUUID(),
      number,
      price: 99_000,
      status,
    });
    const map = {
      scheduleId: randomUUID(),
      startsAt: '2026-05-01T19:00:00+09:00',
      saleState: 'ON_SALE',
      seats: [seat('AVAILABLE', 1), seat('HELD', 2)],
    };
    expect(rejectedFields(SeatMap, { ...map, seats: [...map.seats, seat('SOLD', 3)] })).toEqual([]);
    expect(rejectedFields(SeatMap, { ...map, seats: [...map.seats, seat('GONE', 3)] })).toEqual([
      'seats.2.status',
    ]);
  });
});

describe('when anyone asks for a page of concerts', () => {
  const cursor = `1764547200123000_${'0123456789abcdef'.repeat(2)}`;

  it('reads limit from the query string, 20 by default, and keeps the cursor as it is', () => {
    expect(ConcertListQuery.parse({})).toEqual({ limit: 20 });
    expect(ConcertListQuery.parse({ limit: '100', cursor })).toEqual({ limit: 100, cursor });
  });

  it('drops parameters it does not know', () => {
    expect(ConcertListQuery.parse({ limit: '5', r: '1' })).toEqual({ limit: 5 });
  });

  it.each([['0'], ['101'], ['2.5'], ['x'], [['5', '6']]])('rejects a limit of %j', (limit) => {
    expect(rejectedFields(ConcertListQuery, { limit })).toEqual(['limit']);
  });

  it.each([
    ['a cursor without its id', '1764547200123000'],
    ['an upper-case id', `1_${'A'.repeat(32)}`],
    ['a position of 17 digits', `${'1'.repeat(17)}_${'a'.repeat(32)}`],
  ])('rejects %s', (_, bad) => {
    expect(rejectedFields(ConcertListQuery, { cursor: bad })).toEqual(['cursor']);
  });
});
