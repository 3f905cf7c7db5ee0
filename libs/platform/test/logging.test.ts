import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { AxiosError, AxiosHeaders } from 'axios';
import { Router } from 'express';
import { Registry } from 'prom-client';
import request from 'supertest';
import { createHttpApp, startTelemetry, type Telemetry } from '../src';
import { captureLogs } from './support/captured-logs';

let telemetry: Telemetry;
beforeAll(() => {
  telemetry = startTelemetry({ serviceName: 'test', spanExporter: new InMemorySpanExporter() });
});
afterAll(() => telemetry.shutdown());

describe('when a line is logged inside an active span', () => {
  it('carries the trace and span ids of that span', () => {
    const { logger, lines } = captureLogs();

    const spanContext = trace.getTracer('test').startActiveSpan('reserve seats', (span) => {
      logger.info('holding seats');
      span.end();
      return span.spanContext();
    });

    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'test',
        msg: 'holding seats',
        trace_id: spanContext.traceId,
        span_id: spanContext.spanId,
      }),
    ]);
    expect(spanContext.traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('when a line is logged outside any span', () => {
  it('has no trace fields', () => {
    const { logger, lines } = captureLogs();

    logger.info('booting');

    expect(lines[0]).not.toHaveProperty('trace_id');
    expect(lines[0]?.time).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
  });
});

describe('when requests are served', () => {
  it('logs one line per API request and none for probes', async () => {
    const { logger, lines } = captureLogs();
    const routes = Router();
    routes.get('/concerts/:id', (_req, res) => {
      res.json({});
    });
    const app = createHttpApp({ logger, routes, metrics: new Registry() });

    await request(app).get('/health/live');
    await request(app).get('/health/ready');
    await request(app).get('/concerts/9?fields=all');

    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'GET /concerts/9?fields=all 200',
        req: expect.objectContaining({ method: 'GET', url: '/concerts/9?fields=all' }),
        res: { statusCode: 200 },
      }),
    ]);
  });
});

describe('when requests are served at LOG_LEVEL=warn', () => {
  it('writes only the failed ones, with their status', async () => {
    const { logger, lines } = captureLogs();
    logger.level = 'warn';
    const routes = Router();
    routes.get('/fine', (_req, res) => {
      res.json({});
    });
    routes.get('/broken', () => {
      throw new Error('the database went away');
    });
    const app = createHttpApp({ logger, routes, metrics: new Registry() });

    await request(app).get('/fine');
    await request(app).get('/broken');

    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'GET /broken 500',
        res: { statusCode: 500 },
        err: expect.objectContaining({ message: 'the database went away' }),
      }),
    ]);
  });
});

describe('when an upstream call failed', () => {
  it('logs what identifies the call, not its socket or credentials', () => {
    const { logger, lines } = captureLogs();
    const config = {
      method: 'get',
      url: '/concerts/9',
      headers: new AxiosHeaders({ Authorization: 'Bearer secret-token' }),
    };
    const response = { status: 502, statusText: '', headers: {}, config, data: {} };
    const error = new AxiosError('Request failed', 'ERR_BAD_RESPONSE', config, {}, response);

    logger.error({ err: error }, 'could not load the concert');

    expect(lines[0]?.err).toEqual({
      type: 'AxiosError',
      message: 'Request failed',
      stack: expect.any(String),
      code: 'ERR_BAD_RESPONSE',
      method: 'get',
      url: '/concerts/9',
      status: 502,
    });
    expect(JSON.stringify(lines[0])).not.toContain('secret-token');
  });
});
