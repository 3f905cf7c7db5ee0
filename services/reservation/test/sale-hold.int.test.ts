import { randomUUID } from 'node:crypto';
import { newEvent, ScheduleSaleStateChangedEvent, type SaleState } from '@headliner/contracts';
import { eventually } from '@headliner/testing';
import type { Producer } from 'kafkajs';
import { assertOnSale } from '../src/use-cases/sale-state-lock';
import { recordSaleState } from '../src/use-cases/record-sale-state';
import { startBookingService, type BookingService } from './support/booking-service';
import { startFakeWallet } from './support/fake-wallet';

const saleOnHold = 'https://headliner.dev/problems/sale-on-hold';

let service: BookingService;
let wallet: Awaited<ReturnType<typeof startFakeWallet>>;
let concertProducer: Producer;

beforeAll(async () => {
  service = await startBookingService({ consumer: true });
  wallet = await startFakeWallet(service.kafka, service.topics, (request) => ({
    pay: true,
    balance: 500_000 - request.amount,
  }));
  concertProducer = service.kafka.producer();
  await concertProducer.connect();
});

afterAll(async () => {
  await concertProducer?.disconnect();
  await wallet?.stop();
  await service?.stop();
});

const saleStateChanged = (scheduleId: string, saleState: SaleState, saleVersion: number) =>
  newEvent(ScheduleSaleStateChangedEvent, {
    scheduleId,
    saleState,
    reason: saleState === 'ON_HOLD' ? 'payment provider incident' : null,
    saleVersion,
  });

/** As the concert service's relay sends it; resolves once the consumer applied it. */
async function publish(event: ScheduleSaleStateChangedEvent) {
  await concertProducer.send({
    topic: service.topics.scheduleSaleStateChanged,
    messages: [{ key: event.payload.scheduleId, value: JSON.stringify(event) }],
  });
  await eventually(
    () => service.db.$queryRaw<unknown[]>`
      SELECT 1 FROM inbox_events WHERE event_id = ${event.eventId}::uuid`,
    (rows) => rows.length === 1,
  );
}

describe('when an operator holds a schedule’s sale', () => {
  it('refuses new holds with 409 sale-on-hold on every replica, lets earlier holds be paid, and holds again once resumed', async () => {
    const { scheduleId, seats } = service.concert.addSchedule(3, 60_000);
    const [early, late, afterResume] = seats;
    const fan = randomUUID();
    const earlier = await service.client.hold(fan, early!);
    expect(earlier.status).toBe(201);

    await publish(saleStateChanged(scheduleId, 'ON_HOLD', 1));

    // A replica started now (or after a restart) reads the same state from the database.
    for (const replica of [service.client, await service.serve()]) {
      const refused = await replica.hold(randomUUID(), late!);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ type: saleOnHold, title: 'Sale on hold' });
      expect(refused.body.detail).toContain(scheduleId);
    }
    const paid = await service.client.pay(fan, earlier.body.reservationId, randomUUID());
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('COMPLETED');
    expect(
      await service.prisma.reservation.count({ where: { scheduleId, seatId: late!.seatId } }),
    ).toBe(0);

    await publish(saleStateChanged(scheduleId, 'ON_SALE', 2));
    expect((await service.client.hold(randomUUID(), afterResume!)).status).toBe(201);
  });

  it('leaves other schedules on sale', async () => {
    const held = service.concert.addSchedule(1);
    const other = service.concert.addSchedule(1);
    await publish(saleStateChanged(held.scheduleId, 'ON_HOLD', 1));
    expect((await service.client.hold(randomUUID(), other.seats[0]!)).status).toBe(201);
  });

  it('keeps the newest state when an older event arrives late (a replay)', async () => {
    const { scheduleId, seats } = service.concert.addSchedule(1);
    await publish(saleStateChanged(scheduleId, 'ON_HOLD', 3));
    await publish(saleStateChanged(scheduleId, 'ON_SALE', 2));
    const answer = await service.client.hold(randomUUID(), seats[0]!);
    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe(saleOnHold);
  });
});

/** A promise and what resolves it: keeps a transaction open until the test lets it commit. */
function gate(): [Promise<void>, () => void] {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return [opened, open];
}

describe('when a hold is being placed as the sale state changes', () => {
  it('records the change only after the hold committed, and refuses holds begun after it', async () => {
    const scheduleId = randomUUID();
    const [holdMayCommit, releaseHold] = gate();
    const [checked, holdChecked] = gate();
    const hold = service.db.$transaction(async (tx) => {
      await assertOnSale(tx, scheduleId);
      holdChecked();
      await holdMayCommit;
    });
    await checked;

    let recordedAt: number | undefined;
    const change = service.db
      .$transaction((tx) => recordSaleState(tx, saleStateChanged(scheduleId, 'ON_HOLD', 1)))
      .then(() => (recordedAt = Date.now()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recordedAt).toBeUndefined();

    const committedAt = Date.now();
    releaseHold();
    await hold;
    await change;
    expect(recordedAt).toBeGreaterThanOrEqual(committedAt);
    await expect(
      service.db.$transaction((tx) => assertOnSale(tx, scheduleId)),
    ).rejects.toMatchObject({ reason: 'sale-on-hold' });
  });

  it('refuses a hold that waited for the change to commit', async () => {
    const scheduleId = randomUUID();
    const [changeMayCommit, commitChange] = gate();
    const [recorded, changeRecorded] = gate();
    const change = service.db.$transaction(async (tx) => {
      await recordSaleState(tx, saleStateChanged(scheduleId, 'ON_HOLD', 1));
      changeRecorded();
      await changeMayCommit;
    });
    await recorded;

    const hold = service.db.$transaction((tx) => assertOnSale(tx, scheduleId));
    hold.catch(() => {}); // awaited below, once the change committed
    await eventually(
      () => service.db.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      ([row]) => row?.waiting === 1,
    );
    commitChange();
    await change;

    await expect(hold).rejects.toMatchObject({ reason: 'sale-on-hold' });
  });
});
