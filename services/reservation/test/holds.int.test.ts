import { randomUUID } from 'node:crypto';
import { asUser } from '@headliner/testing';
import { startBookingService, type BookingService } from './support/booking-service';

describe('when fans hold seats', () => {
  let service: BookingService;

  beforeAll(async () => {
    service = await startBookingService({ maxHoldsPerUser: 4 });
  });
  afterAll(() => service?.stop());

  const liveReservationsOf = (seatId: string) =>
    service.prisma.reservation.count({ where: { seatId, status: { in: ['HELD', 'CONFIRMED'] } } });

  it('gives a seat raced for by 200 fans at once to exactly one of them', async () => {
    const seat = service.concert.addSchedule(1).seats[0]!;

    const answers = await Promise.all(
      Array.from({ length: 200 }, () => service.client.hold(randomUUID(), seat)),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(199);
    const refusal = answers.find((answer) => answer.status === 409)!.body;
    expect(refusal.type).toBe('https://headliner.dev/problems/seat-not-available');
    expect(refusal.detail).toContain(seat.seatId);
    expect(await liveReservationsOf(seat.seatId)).toBe(1);
    const heldEvents = await service.outboxEvents(service.topics.reservationHeld);
    expect(heldEvents.filter((event) => event.payload.seatId === seat.seatId)).toHaveLength(1);
    // The catalogue is asked once; the seat map is shared and then remembered.
    expect(service.concert.seatMapCalls.get(seat.scheduleId)).toBe(1);
  }, 60_000);

  it('asks the catalogue for a schedule once when 200 fans hold 100 of its seats at once', async () => {
    const { scheduleId, seats } = service.concert.addSchedule(100);
    // Holds keep arriving while the seat map is on its way: they must wait for it, not ask again.
    service.concert.latencyMs = 300;

    const answers = await Promise.all(
      seats.flatMap((seat) => [seat, seat]).map((seat) => service.client.hold(randomUUID(), seat)),
    ).finally(() => (service.concert.latencyMs = 0));

    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(100);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(100);
    expect(service.concert.seatMapCalls.get(scheduleId)).toBe(1);
  }, 60_000);

  it('holds exactly 500 of 500 seats when 1,000 fans race for them in pairs', async () => {
    const { seats } = service.concert.addSchedule(500);

    const answers = await Promise.all(
      seats.flatMap((seat) => [seat, seat]).map((seat) => service.client.hold(randomUUID(), seat)),
    );

    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(500);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(500);
    const live = await service.prisma.reservation.groupBy({
      by: ['seatId'],
      where: { seatId: { in: seats.map((seat) => seat.seatId) }, status: 'HELD' },
      _count: true,
    });
    expect(live).toHaveLength(500);
    expect(live.every((seat) => seat._count === 1)).toBe(true);
  }, 60_000);

  it('answers a hold with its reservation, price and end, and shows it to its holder only', async () => {
    const { seats } = service.concert.addSchedule(1, 120_000);
    const fan = randomUUID();
    const before = Date.now();

    const held = await service.client.hold(fan, seats[0]!);

    expect(held.status).toBe(201);
    expect(held.body).toEqual({
      reservationId: expect.any(String),
      status: 'HELD',
      expiresAt: expect.any(String),
      price: 120_000,
    });
    const holdMs = Date.parse(held.body.expiresAt) - before;
    expect(holdMs).toBeGreaterThan(295_000);
    expect(holdMs).toBeLessThan(305_000);
    const mine = await service.client.reservation(fan, held.body.reservationId);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      reservationId: held.body.reservationId,
      scheduleId: seats[0]!.scheduleId,
      seatId: seats[0]!.seatId,
      status: 'HELD',
      expiresAt: held.body.expiresAt,
      price: 120_000,
      origin: 'FAN',
      createdAt: expect.any(String),
    });
    const someoneElses = await service.client.reservation(randomUUID(), held.body.reservationId);
    const unknown = await service.client.reservation(fan, randomUUID());
    expect(someoneElses.status).toBe(404);
    expect(unknown.status).toBe(404);
    // Someone else's reservation reads like one that does not exist.
    expect(someoneElses.body.type).toBe(unknown.body.type);
    expect(someoneElses.body.type).toBe('https://headliner.dev/problems/reservation-not-found');
  });

  it('lets a fan hold at most 4 seats at once, even when asking for more concurrently', async () => {
    const { seats } = service.concert.addSchedule(6);
    const fan = randomUUID();

    const answers = await Promise.all(seats.map((seat) => service.client.hold(fan, seat)));

    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(4);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(refused).toHaveLength(2);
    expect(refused[0]!.body.type).toBe('https://headliner.dev/problems/hold-limit-reached');
    // The seats refused to this fan are free for the next one.
    const refusedSeats = seats.filter((_, i) => answers[i]!.status === 409);
    const other = await Promise.all(
      refusedSeats.map((seat) => service.client.hold(randomUUID(), seat)),
    );
    expect(other.map((answer) => answer.status)).toEqual([201, 201]);
  });

  it('refuses an unknown seat, a seat of another schedule or an unknown schedule, naming it', async () => {
    const { seats } = service.concert.addSchedule(1);
    const other = service.concert.addSchedule(1);
    const unknownSeat = { scheduleId: seats[0]!.scheduleId, seatId: randomUUID() };
    const otherSchedule = { scheduleId: other.scheduleId, seatId: seats[0]!.seatId };
    const unknownSchedule = { scheduleId: randomUUID(), seatId: seats[0]!.seatId };

    const unknown = await service.client.hold(randomUUID(), unknownSeat);
    const misplaced = await service.client.hold(randomUUID(), otherSchedule);
    const nowhere = await service.client.hold(randomUUID(), unknownSchedule);

    for (const answer of [unknown, misplaced, nowhere]) {
      expect(answer.status).toBe(404);
      expect(answer.body.type).toBe('https://headliner.dev/problems/seat-not-found');
    }
    expect(unknown.body.detail).toContain(unknownSeat.seatId);
    expect(misplaced.body.detail).toContain(otherSchedule.scheduleId);
    expect(nowhere.body.detail).toContain(unknownSchedule.scheduleId);
    expect(await liveReservationsOf(seats[0]!.seatId)).toBe(0);
  });

  it('holds a seat named in upper case under its lower-case ids, against the same rivals', async () => {
    const seat = service.concert.addSchedule(1).seats[0]!;
    const shouted = {
      scheduleId: seat.scheduleId.toUpperCase(),
      seatId: seat.seatId.toUpperCase(),
    };

    const held = await service.client.hold(randomUUID(), shouted);
    const rival = await service.client.hold(randomUUID(), seat);

    expect(held.status).toBe(201);
    expect(rival.status).toBe(409);
    const [event] = (await service.outboxEvents(service.topics.reservationHeld)).filter(
      (candidate) => candidate.payload.reservationId === held.body.reservationId,
    );
    expect(event?.payload).toMatchObject({ scheduleId: seat.scheduleId, seatId: seat.seatId });
  });

  it('answers 503 without holding when the concert catalogue fails, and asks again later', async () => {
    const { scheduleId, seats } = service.concert.addSchedule(1);
    service.concert.breakSchedule(scheduleId);

    const answer = await service.client.hold(randomUUID(), seats[0]!);

    expect(answer.status).toBe(503);
    expect(answer.body.type).toBe('https://headliner.dev/problems/upstream-unavailable');
    expect(await liveReservationsOf(seats[0]!.seatId)).toBe(0);
    // A failed seat map is not remembered: once the catalogue answers, the seat can be held.
    service.concert.mendSchedule(scheduleId);
    expect((await service.client.hold(randomUUID(), seats[0]!)).status).toBe(201);
    expect(service.concert.seatMapCalls.get(scheduleId)).toBe(2);
  });

  it('refuses a hold with unexpected fields', async () => {
    const { seats } = service.concert.addSchedule(1);
    const { scheduleId, seatId } = seats[0]!;

    const extra = await service.client.send(
      'POST',
      '/api/v1/reservations',
      asUser('reservation', { admittedTo: scheduleId }),
      { scheduleId, seatId, price: 1 },
    );

    expect(extra.status).toBe(400);
    expect(await liveReservationsOf(seatId)).toBe(0);
  });

  it('refuses a hold that did not pass the waiting room, with 403', async () => {
    const { seats } = service.concert.addSchedule(1);
    const { scheduleId, seatId } = seats[0]!;

    const answer = await service.client.send(
      'POST',
      '/api/v1/reservations',
      asUser('reservation'),
      {
        scheduleId,
        seatId,
      },
    );

    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({
      type: 'https://headliner.dev/problems/queue-token-not-active',
      reason: 'not-verified',
    });
    expect(await liveReservationsOf(seatId)).toBe(0);
  });

  it("refuses a hold of a schedule other than the one the fan's waiting room admitted, with 403", async () => {
    const { seats } = service.concert.addSchedule(1);
    const other = service.concert.addSchedule(1);
    const { scheduleId, seatId } = seats[0]!;

    const answer = await service.client.send(
      'POST',
      '/api/v1/reservations',
      asUser('reservation', { admittedTo: other.scheduleId }),
      { scheduleId, seatId },
    );

    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({
      type: 'https://headliner.dev/problems/queue-token-not-active',
      reason: 'other-schedule',
    });
    expect(await liveReservationsOf(seatId)).toBe(0);
  });

  it.each([
    ['no statement, only the raw X-User-Id header', () => ({ 'x-user-id': randomUUID() })],
    [
      'a statement signed with another secret',
      () =>
        asUser('reservation', {
          admittedTo: randomUUID(),
          secret: 'a-guessed-secret-of-at-least-32-characters',
        }),
    ],
    ['a statement for another service', () => asUser('wallet', { admittedTo: randomUUID() })],
  ])('refuses a hold with %s, with 401, and holds nothing', async (_, forged) => {
    const { seats } = service.concert.addSchedule(1);
    const { scheduleId, seatId } = seats[0]!;

    const answer = await service.client.send('POST', '/api/v1/reservations', forged(), {
      scheduleId,
      seatId,
    });

    expect(answer.status).toBe(401);
    expect(answer.body.type).toBe('https://headliner.dev/problems/caller-statement-rejected');
    expect(await liveReservationsOf(seatId)).toBe(0);
  });
});
