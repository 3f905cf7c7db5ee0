import { isAxiosError, type AxiosInstance } from 'axios';
import express from 'express';
import { Registry } from 'prom-client';
import { createLogger, createUpstreamClient, ProblemError } from '../src';
import { listenLocally, type LocalServer } from './support/local-server';

const logger = createLogger({ service: 'test', level: 'silent' });
const resetTimeoutMs = 300;

let upstream: LocalServer;
let status: number;
let received: number;
let metrics: Registry;
let concerts: AxiosInstance;

beforeEach(async () => {
  status = 200;
  received = 0;
  const app = express();
  app.get('/concerts/:id', (req, res) => {
    received += 1;
    res.status(status).json({ id: req.params.id });
  });
  app.get('/stalled', () => {
    received += 1; // and never answers
  });
  upstream = await listenLocally(app);
  metrics = new Registry();
  concerts = createUpstreamClient({
    name: 'concert',
    baseURL: upstream.url,
    timeoutMs: 1000,
    logger,
    metrics,
    breaker: { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs },
  });
});
afterEach(() => upstream.close());

async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

async function breakerState(): Promise<number | undefined> {
  const { values } = await metrics.getSingleMetric('circuit_breaker_state')!.get();
  return values.find((value) => value.labels.breaker === 'concert')?.value;
}

async function openTheBreaker() {
  status = 500;
  for (let call = 0; call < 3; call += 1) {
    const error = await failureOf(concerts.get('/concerts/1'));
    expect(isAxiosError(error) && error.response?.status).toBe(500);
  }
}

describe('when the upstream answers', () => {
  it('returns its answer', async () => {
    const { data } = await concerts.get('/concerts/42');

    expect(data).toEqual({ id: '42' });
    expect(await breakerState()).toBe(0);
  });
});

describe('when the upstream keeps failing', () => {
  it('opens the breaker and then fails fast with a 503 naming the upstream', async () => {
    await openTheBreaker();
    expect(received).toBe(3);

    const error = await failureOf(concerts.get('/concerts/1'));

    expect(received).toBe(3);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({
      status: 503,
      title: 'Service unavailable',
      type: 'https://headliner.dev/problems/upstream-unavailable',
      detail: 'The concert service is unavailable right now. Please try again shortly.',
      extensions: { upstream: 'concert' },
    });
    expect(await breakerState()).toBe(2);
    const events = await metrics.getSingleMetricAsString('circuit_breaker_events_total');
    expect(events).toContain('circuit_breaker_events_total{breaker="concert",event="failure"} 3');
    expect(events).toContain('circuit_breaker_events_total{breaker="concert",event="reject"} 1');
  });

  it('counts refused connections as failures too', async () => {
    await upstream.close();

    for (let call = 0; call < 3; call += 1) {
      const error = await failureOf(concerts.get('/concerts/1'));
      expect(isAxiosError(error) && error.code).toBe('ECONNREFUSED');
    }

    expect(await failureOf(concerts.get('/concerts/1'))).toBeInstanceOf(ProblemError);
  });
});

describe('when the upstream does not answer in time', () => {
  it('counts the timeouts as failures', async () => {
    const impatient = createUpstreamClient({
      name: 'stalled',
      baseURL: upstream.url,
      // Long enough that the request reaches the in-process server before the client gives up,
      // even on a loaded CI machine (at 50 ms, one of the three sometimes never arrived).
      timeoutMs: 250,
      logger,
      metrics,
      breaker: { volumeThreshold: 3 },
    });

    for (let call = 0; call < 3; call += 1) {
      const error = await failureOf(impatient.get('/stalled'));
      expect(isAxiosError(error) && error.code).toBe('ECONNABORTED');
    }

    expect(await failureOf(impatient.get('/stalled'))).toBeInstanceOf(ProblemError);
    expect(received).toBe(3);
  });
});

describe('when the upstream answers with client errors', () => {
  it('passes them to the caller without opening the breaker', async () => {
    status = 404;

    for (let call = 0; call < 10; call += 1) {
      const error = await failureOf(concerts.get('/concerts/404'));
      expect(isAxiosError(error) && error.response?.status).toBe(404);
    }

    expect(received).toBe(10);
    expect(await breakerState()).toBe(0);
  });
});

describe('when the reset timeout has passed', () => {
  it('lets a trial call through and closes again once it succeeds', async () => {
    await openTheBreaker();
    status = 200;
    await new Promise((resolve) => setTimeout(resolve, resetTimeoutMs + 100));
    expect(await breakerState()).toBe(1);

    const { data } = await concerts.get('/concerts/5');

    expect(data).toEqual({ id: '5' });
    expect(received).toBe(4);
    expect(await breakerState()).toBe(0);
  });
});
