import { randomUUID } from 'node:crypto';
import { parseEvent } from '@headliner/contracts';
import { asUser, testInternalAuthSecret } from '@headliner/testing';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../src/app';
import { countSchedulesOnHold } from '../src/infra/schedules-on-hold';
import {
  addConcertWithSchedule,
  schedulesOf,
  seatMapOf,
  startTestCatalogue,
  type TestCatalogue,
} from './support/test-catalogue';

let catalogue: TestCatalogue;
let auditedApp: ReturnType<typeof createApp>;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  catalogue = await startTestCatalogue();
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => logLines.push(JSON.parse(line)) },
  );
  auditedApp = createApp({
    db: catalogue.sql,
    cache: catalogue.cache,
    logger,
    internalAuthSecret: testInternalAuthSecret,
  });
});

afterAll(() => catalogue.stop());

const admin = randomUUID();
const asAdmin = () => asUser('concert', { role: 'admin', userId: admin });
const saleHold = (scheduleId: string) => `/api/v1/admin/schedules/${scheduleId}/sale-hold`;
const holdSale = (scheduleId: string, body: object = { reason: 'payment provider incident' }) =>
  request(auditedApp).put(saleHold(scheduleId)).set(asAdmin()).send(body);
const resumeSale = (scheduleId: string) =>
  request(auditedApp).delete(saleHold(scheduleId)).set(asAdmin());

async function saleEventsOf(scheduleId: string) {
  const rows = await catalogue.sql.$queryRaw<{ key: string; value: string }[]>`
    SELECT key, value FROM outbox_events ORDER BY id`;
  return rows.filter((row) => row.key === scheduleId).map((row) => parseEvent(row.value));
}

const auditLines = () => logLines.filter((line) => line.audit === true);

/** Both apps, the cached one after its cache was filled before the change. */
async function shownSaleStates(concertId: string, scheduleId: string) {
  const shown = [];
  for (const app of [catalogue.cachedApp, catalogue.databaseApp]) {
    shown.push((await seatMapOf(app, scheduleId)).saleState);
    shown.push((await schedulesOf(app, concertId))[0]?.saleState);
  }
  return shown;
}

describe('when an admin holds a schedule’s sale and resumes it', () => {
  it('answers the new state, shows it in the catalogue, publishes it and audits it', async () => {
    const { concertId, scheduleId } = await addConcertWithSchedule(catalogue.cachedApp, 3);
    expect(await shownSaleStates(concertId, scheduleId)).toEqual(Array(4).fill('ON_SALE'));
    logLines.length = 0;

    const held = await holdSale(scheduleId).expect(200);
    expect(held.body).toEqual({
      scheduleId,
      saleState: 'ON_HOLD',
      reason: 'payment provider incident',
      changedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(await shownSaleStates(concertId, scheduleId)).toEqual(Array(4).fill('ON_HOLD'));
    expect(await countSchedulesOnHold(catalogue.sql)).toBe(1);

    const resumed = await resumeSale(scheduleId).expect(200);
    expect(resumed.body).toEqual({
      scheduleId,
      saleState: 'ON_SALE',
      reason: null,
      changedAt: expect.any(String),
    });
    expect(await shownSaleStates(concertId, scheduleId)).toEqual(Array(4).fill('ON_SALE'));
    expect(await countSchedulesOnHold(catalogue.sql)).toBe(0);

    expect(await saleEventsOf(scheduleId)).toEqual([
      expect.objectContaining({
        type: 'schedule.sale-state-changed',
        occurredAt: held.body.changedAt,
        payload: {
          scheduleId,
          saleState: 'ON_HOLD',
          reason: 'payment provider incident',
          saleVersion: 1,
        },
      }),
      expect.objectContaining({
        payload: { scheduleId, saleState: 'ON_SALE', reason: null, saleVersion: 2 },
      }),
    ]);
    expect(auditLines()).toEqual([
      expect.objectContaining({
        level: 30,
        action: 'schedule.sale-hold',
        actor: admin,
        before: expect.objectContaining({ scheduleId, saleState: 'ON_SALE', reason: null }),
        after: held.body,
      }),
      expect.objectContaining({
        action: 'schedule.sale-resume',
        actor: admin,
        before: held.body,
        after: resumed.body,
      }),
    ]);
  });

  it('changes nothing when asked for the state the sale is in already', async () => {
    const { scheduleId } = await addConcertWithSchedule(catalogue.cachedApp, 1);
    expect((await resumeSale(scheduleId).expect(200)).body.changedAt).toBeNull();
    const first = await holdSale(scheduleId, { reason: 'first' }).expect(200);
    logLines.length = 0;

    const again = await holdSale(scheduleId, { reason: 'second' }).expect(200);

    expect(again.body).toEqual(first.body);
    expect(await saleEventsOf(scheduleId)).toHaveLength(1);
    expect(auditLines()).toEqual([]);
  });

  it('gives two admins switching at once one change each, in turn', async () => {
    const { scheduleId } = await addConcertWithSchedule(catalogue.cachedApp, 1);
    await Promise.all([holdSale(scheduleId).expect(200), holdSale(scheduleId).expect(200)]);
    const events = await saleEventsOf(scheduleId);
    expect(events.map((event) => event.payload)).toEqual([
      expect.objectContaining({ saleState: 'ON_HOLD', saleVersion: 1 }),
    ]);
  });
});

describe('when the request is wrong', () => {
  it('answers 404 for a schedule that does not exist', async () => {
    const unknown = randomUUID();
    for (const response of [await holdSale(unknown), await resumeSale(unknown)]) {
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.detail).toContain(unknown);
    }
  });

  it.each([
    ['no reason', {}],
    ['an empty reason', { reason: '' }],
    ['a reason of 201 characters', { reason: 'x'.repeat(201) }],
  ])('answers 400 naming body.reason for %s, and holds nothing', async (_case, body) => {
    const { scheduleId } = await addConcertWithSchedule(catalogue.cachedApp, 1);
    const response = await holdSale(scheduleId, body).expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.reason',
    ]);
    expect((await seatMapOf(catalogue.databaseApp, scheduleId)).saleState).toBe('ON_SALE');
  });

  it('refuses a fan with 403, before reading the body', async () => {
    const { scheduleId } = await addConcertWithSchedule(catalogue.cachedApp, 1);
    for (const send of [
      request(auditedApp).put(saleHold(scheduleId)).set(asUser('concert')).send({}),
      request(auditedApp).delete(saleHold(scheduleId)).set(asUser('concert')),
    ]) {
      expect((await send).status).toBe(403);
    }
    expect((await seatMapOf(catalogue.databaseApp, scheduleId)).saleState).toBe('ON_SALE');
  });
});
