import { Router } from 'express';
import request from 'supertest';
import { createHttpApp, createLogger, ProblemError } from '../src';

const silent = createLogger({ service: 'test', level: 'silent' });

function app() {
  const routes = Router();
  routes.get('/api/v1/things', (_req, res) => {
    res.json([]);
  });
  routes.get('/api/v1/broken', () => {
    throw ProblemError.conflict('No.');
  });
  routes.get('/page', (_req, res) => {
    res.set('Content-Security-Policy', "default-src 'self'").type('html').send('<p>hi</p>');
  });
  return createHttpApp({ logger: silent, routes, operations: [] });
}

describe('when anything is answered', () => {
  it.each(['/api/v1/things', '/api/v1/broken', '/nowhere', '/health/live', '/metrics'])(
    'tells browsers not to sniff, frame, refer or run it, on %s',
    async (path) => {
      const res = await request(app()).get(path);

      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
    },
  );

  it('lets a page set its own Content-Security-Policy', async () => {
    const res = await request(app()).get('/page');
    expect(res.headers['content-security-policy']).toBe("default-src 'self'");
  });
});
