import { randomUUID } from 'node:crypto';
import { newEvent, ReservationHeldEvent, topics } from '@headliner/contracts';
import { createTestNamespace, readMessages, testKafka } from '@headliner/testing';
import type { Client } from 'pg';
import { revokedSeatWrites } from '../injectors/dlq-poison';
import { partialSystem } from './support/partial-system';
import { serviceDatabase, type ServiceDatabase } from './support/service-database';

const insufficientPrivilege = '42501';
// What applying a reservation event does to its seat (concert's apply-seat-event.ts).
const writeSeat = `UPDATE seats SET version = version + 1 WHERE id = $1::uuid`;

describe('dlq-poison', () => {
  const fault = revokedSeatWrites();
  const kafka = testKafka();
  let namespace: Awaited<ReturnType<typeof createTestNamespace>>;
  let database: ServiceDatabase;
  let concert: Client;
  const system = () =>
    partialSystem({
      databaseUrl: () => database.adminUrl,
      kafkaNamespace: namespace.namespace,
    });
  const seatsAcl = async () =>
    (await concert.query(`SELECT relacl::text FROM pg_class WHERE relname = 'seats'`)).rows[0];

  beforeAll(async () => {
    namespace = await createTestNamespace(kafka);
    database = await serviceDatabase('concert');
    concert = await database.asService();
  });

  afterAll(async () => {
    await fault.remove(system());
    await concert?.end();
    await database?.drop();
    await namespace?.remove();
  });

  it("fails the catalogue's seat writes for good while injected; removal grants them back and replays what was parked", async () => {
    const aclBefore = await seatsAcl();
    await fault.inject(system());
    await expect(concert.query(writeSeat, [randomUUID()])).rejects.toMatchObject({
      code: insufficientPrivilege,
    });

    // A reservation.held the concert service parked meanwhile, as its consumer parks one.
    const held = {
      name: namespace.namespace + topics.reservationHeld.name,
      dlq: namespace.namespace + topics.reservationHeld.dlq,
    };
    const event = newEvent(ReservationHeldEvent, {
      reservationId: randomUUID(),
      scheduleId: randomUUID(),
      seatId: randomUUID(),
      userId: randomUUID(),
      price: 10_000,
      expiresAt: new Date(Date.now() + 300_000).toISOString(),
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: held.dlq,
      messages: [
        {
          key: event.payload.reservationId,
          value: JSON.stringify(event),
          headers: {
            'dlq-error-name': 'PrismaClientKnownRequestError',
            'dlq-error-message': 'permission denied for table seats',
            'dlq-attempts': '1',
            'dlq-source-topic': held.name,
            'dlq-source-partition': '0',
            'dlq-source-offset': '0',
            'dlq-consumer-group': `${namespace.namespace}concert`,
            'dlq-failed-at': new Date().toISOString(),
          },
        },
      ],
    });
    await producer.disconnect();

    await fault.remove(system());
    await concert.query(writeSeat, [randomUUID()]);
    expect(await seatsAcl()).toEqual(aclBefore);
    const replayed = await readMessages(kafka, held.name, 1);
    expect(replayed.map((message) => JSON.parse(message.value!.toString()).eventId)).toEqual([
      event.eventId,
    ]);

    // Again: nothing left to replay, nothing replayed twice.
    await fault.remove(system());
    expect(await readMessages(kafka, held.name, 2, 3000)).toHaveLength(1);
  }, 90_000);
});
