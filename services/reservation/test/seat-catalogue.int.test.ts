import { testInternalAuthSecret } from '@headliner/testing';
import type { Seat } from '../src/domain/seat';
import { createSeatCatalogue } from '../src/infra/seat-catalogue';
import { quietLogger } from './support/booking-service';
import { startFakeConcert, type FakeConcert } from './support/fake-concert';

describe('when the seat catalogue remembers seat maps', () => {
  let concert: FakeConcert;

  beforeAll(async () => {
    concert = await startFakeConcert();
  });
  afterAll(() => concert?.stop());

  it('forgets the least recently used schedule once it remembers more than it may', async () => {
    const catalogue = createSeatCatalogue({
      concertUrl: concert.url,
      timeoutMs: 2000,
      internalAuthSecret: testInternalAuthSecret,
      logger: quietLogger,
      cacheSize: 2,
    });
    const seatOfNewSchedule = () => concert.addSchedule(1).seats[0]!;
    const [first, second, third] = [seatOfNewSchedule(), seatOfNewSchedule(), seatOfNewSchedule()];
    const find = (seat: Seat) => catalogue.find(seat.scheduleId, seat.seatId);

    await find(first);
    await find(second);
    await find(first); // first is now the most recently used: second goes next
    await find(third);
    expect(await find(first)).toEqual(first);
    expect(await find(second)).toEqual(second);

    expect(concert.seatMapCalls.get(first.scheduleId)).toBe(1);
    expect(concert.seatMapCalls.get(second.scheduleId)).toBe(2);
    expect(concert.seatMapCalls.get(third.scheduleId)).toBe(1);
  });
});
