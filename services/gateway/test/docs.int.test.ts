import { randomUUID } from 'node:crypto';
import { apiRoutes, type OpenApiDocument } from '@headliner/contracts';
import { signedInUser } from './support/accounts';
import {
  startTestInfrastructure,
  type TestGateway,
  type TestInfrastructure,
} from './support/gateway-under-test';

let infra: TestInfrastructure;
let gateway: TestGateway;

beforeAll(async () => {
  infra = await startTestInfrastructure();
  gateway = infra.startGateway();
});
afterAll(() => infra.stop());

const openDocs = () => gateway.http().get('/docs');

/** What the page loads: every script's src and every link's href. */
function filesOf(page: string): string[] {
  return [...page.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g)].map(
    ([, url]) => url!,
  );
}

describe('when a developer opens the docs', () => {
  it('answers the Swagger UI page under a policy that allows no inline code or other host', async () => {
    const response = await openDocs();

    expect(response.status).toBe(200);
    expect(response.type).toBe('text/html');
    expect(response.text).toContain('<div id="swagger-ui"');
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(response.text).not.toMatch(/\sstyle=|<style/);
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('serves every file the page loads, each with its content type', async () => {
    const files = filesOf((await openDocs()).text);
    const typeOf = { css: 'text/css', js: 'text/javascript', png: 'image/png' };

    expect(files).toEqual(
      expect.arrayContaining([expect.stringMatching(/swagger-ui-bundle\.js$/)]),
    );
    for (const file of files) {
      const response = await gateway.http().get(file);
      const extension = file.slice(file.lastIndexOf('.') + 1) as keyof typeof typeOf;
      expect([file, response.status, response.type]).toEqual([file, 200, typeOf[extension]]);
    }
  });

  it('points Swagger UI at the OpenAPI document with every public path', async () => {
    const specUrl = /data-spec-url="([^"]+)"/.exec((await openDocs()).text)?.[1];

    const response = await gateway.http().get(String(specUrl));

    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    for (const route of Object.values(apiRoutes))
      expect(response.body.paths[route.path]).toHaveProperty(route.method);
  });
});

describe("when a developer tries an operation out with the document's security schemes", () => {
  it('holds a seat with the bearer token and the queue token sent as the schemes say', async () => {
    const { queue, reservation } = infra.stubs;
    queue.answer = (_req, res) =>
      res.json({ status: 'ACTIVE', expiresAt: new Date().toISOString(), scheduleId: randomUUID() });
    reservation.answer = (_req, res) => res.status(201).json({ reservationId: 'r-1' });
    const fan = await signedInUser(gateway);
    const document = (await gateway.http().get('/docs/openapi.json')).body as OpenApiDocument;
    const credentials: Record<string, string> = {
      bearerAuth: fan.accessToken,
      queueToken: 'an-active-token',
    };

    const call = gateway.http().post('/api/v1/reservations');
    for (const requirement of document.paths['/api/v1/reservations']!.post!.security ?? []) {
      for (const name of Object.keys(requirement)) {
        const scheme = document.components.securitySchemes[name]!;
        if (scheme.type === 'http') void call.set('Authorization', `Bearer ${credentials[name]}`);
        else void call.set(scheme.name!, credentials[name]!);
      }
    }
    const response = await call.send({ scheduleId: 's-1', seatId: 'seat-1' });

    expect(response.status).toBe(201);
    expect(queue.received.at(-1)?.body).toEqual({
      userId: fan.userId,
      queueToken: 'an-active-token',
    });
    expect(reservation.statementOf(reservation.received.at(-1)).sub).toBe(fan.userId);
  });
});
