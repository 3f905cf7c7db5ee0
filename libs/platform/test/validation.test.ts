import { Router } from 'express';
import { Registry } from 'prom-client';
import request from 'supertest';
import { z } from 'zod';
import { createHttpApp, createLogger, validate } from '../src';

const placeHold = validate({
  params: z.object({ concertId: z.uuid() }),
  query: z.object({ notify: z.enum(['email', 'none']).default('email') }),
  headers: z.object({ 'idempotency-key': z.string().min(8) }),
  body: z
    .object({
      seatIds: z.array(z.string().min(1)).min(1),
      quantity: z.number().int().positive(),
    })
    .strict(),
});

const routes = Router();
routes.post('/concerts/:concertId/holds', placeHold, (req, res) => {
  const { params, query, body } = placeHold.input(res);
  res.status(201).json({ concertId: params.concertId, notify: query.notify, body, raw: req.body });
});
routes.get('/unchecked', (_req, res) => {
  res.json(placeHold.input(res));
});

const app = createHttpApp({
  logger: createLogger({ service: 'test', level: 'silent' }),
  routes,
  metrics: new Registry(),
});

const concertId = '0b7e7f0e-8a51-4c2a-9f7e-3f1d2c4b5a69';
const holds = `/concerts/${concertId}/holds`;
const key = { 'Idempotency-Key': 'hold-0001' };

describe('when the request matches the schemas', () => {
  it('hands the parsed, typed values to the handler', async () => {
    const res = await request(app)
      .post(holds)
      .set(key)
      .send({ seatIds: ['A12'], quantity: 1 });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      concertId,
      notify: 'email',
      body: { seatIds: ['A12'], quantity: 1 },
      raw: { seatIds: ['A12'], quantity: 1 },
    });
  });
});

describe('when the request breaks the schemas', () => {
  it('names a missing field', async () => {
    const res = await request(app)
      .post(holds)
      .set(key)
      .send({ seatIds: ['A12'] });

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      title: 'Invalid request',
      status: 400,
      detail: 'The request has an invalid field: body.quantity.',
      errors: [{ field: 'body.quantity', rule: 'required', message: 'is required' }],
    });
  });

  it('names each unexpected field', async () => {
    const res = await request(app)
      .post(holds)
      .set(key)
      .send({ seatIds: ['A12'], quantity: 1, price: 0, vip: true });

    expect(res.body.errors).toEqual([
      { field: 'body.price', rule: 'unexpected', message: 'is not allowed' },
      { field: 'body.vip', rule: 'unexpected', message: 'is not allowed' },
    ]);
  });

  it('names a mistyped field', async () => {
    const res = await request(app)
      .post(holds)
      .set(key)
      .send({ seatIds: ['A12'], quantity: 'two' });

    expect(res.body.errors).toEqual([
      { field: 'body.quantity', rule: 'type', message: 'must be of type number' },
    ]);
  });

  it('names every offending field of every part in one answer', async () => {
    const res = await request(app)
      .post('/concerts/not-a-uuid/holds?notify=sms')
      .send({ seatIds: [''], extra: 1 });

    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(
      'The request has 6 invalid fields: params.concertId, query.notify, ' +
        'headers.idempotency-key, body.seatIds[0], body.quantity, body.extra.',
    );
    expect(res.body.errors).toEqual([
      { field: 'params.concertId', rule: 'invalid_format', message: 'Invalid UUID' },
      { field: 'query.notify', rule: 'invalid_value', message: expect.any(String) },
      { field: 'headers.idempotency-key', rule: 'required', message: 'is required' },
      { field: 'body.seatIds[0]', rule: 'too_small', message: expect.any(String) },
      { field: 'body.quantity', rule: 'required', message: 'is required' },
      { field: 'body.extra', rule: 'unexpected', message: 'is not allowed' },
    ]);
  });

  it('names the body itself when there is none', async () => {
    const res = await request(app).post(holds).set(key);

    expect(res.body.errors).toEqual([{ field: 'body', rule: 'required', message: 'is required' }]);
  });
});

describe('when a handler asks for input its route never validated', () => {
  it('fails as a programming error', async () => {
    const res = await request(app).get('/unchecked');

    expect(res.status).toBe(500);
  });
});
