import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { signedInUser } from './support/accounts';
import {
  startTestInfrastructure,
  type TestGateway,
  type TestInfrastructure,
} from './support/gateway-under-test';

let infra: TestInfrastructure;
let gateway: TestGateway;
let gatewayServer: Server;
/** Stands in for a service's management port on this host: it must never hear from the gateway. */
let management: Server;
let managementHeard: string[];
let managementHost: string;

beforeAll(async () => {
  infra = await startTestInfrastructure();
  gateway = infra.startGateway();
  managementHeard = [];
  management = createServer((req, res) => {
    managementHeard.push(`${req.method} ${req.url}`);
    res.end('process_cpu_user_seconds_total 1\n');
  });
  await new Promise<void>((resolve) => management.listen(0, '127.0.0.1', resolve));
  managementHost = `127.0.0.1:${(management.address() as AddressInfo).port}`;
  gatewayServer = gateway.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => gatewayServer.once('listening', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => gatewayServer.close(resolve));
  await new Promise((resolve) => management.close(resolve));
  await infra.stop();
});

/** One request as written, so the request target and Host can be what no HTTP client sends. */
function rawRequest(target: string, host: string): Promise<string> {
  const { port } = gatewayServer.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    // Not end(): a client that half-closes first gets no answer from Node's server.
    socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  });
}

describe('when a client asks the gateway for metrics or readiness detail', () => {
  it('answers 404 for /metrics', async () => {
    const response = await gateway.http().get('/metrics');

    expect(response.status).toBe(404);
    expect(response.text).not.toContain('process_cpu');
  });

  it('answers readiness with its status alone', async () => {
    const response = await gateway.http().get('/health/ready');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready' });
  });

  it('keeps both on its own management port', async () => {
    const metrics = await gateway.management().get('/metrics');
    const ready = await gateway.management().get('/health/ready');

    expect(metrics.text).toContain('process_cpu_user_seconds_total');
    expect(ready.body).toEqual({ status: 'ready', checks: { postgres: 'up', redis: 'up' } });
  });

  it("exports the booking SLO's 5xx series before any booking, for rate() to see the first", async () => {
    const metrics = await gateway.management().get('/metrics');

    for (const route of ['/api/v1/queue/tokens', '/api/v1/reservations', '/api/v1/payments']) {
      expect(metrics.text).toContain(
        `http_request_duration_seconds_count{route="${route}",method="POST",status_code="503"} 0`,
      );
    }
  });
});

describe('when a fan calls a route of the exact lookup', () => {
  it('counts it under its route pattern as the router did', async () => {
    const fan = await signedInUser(gateway);

    await gateway.http().get('/api/v1/wallet').set('Authorization', fan.bearer);
    const metrics = (await gateway.management().get('/metrics')).text;

    const walletReads = metrics
      .split('\n')
      .filter((line) => line.startsWith('http_request_duration_seconds_count{'))
      .filter((line) =>
        ['route="/api/v1/wallet"', 'method="GET"', 'status_code="200"'].every((label) =>
          line.includes(label),
        ),
      );
    expect(walletReads).toHaveLength(1);
    expect(Number(walletReads[0]!.split(' ')[1])).toBeGreaterThanOrEqual(1);
  });
});

describe('when a request tries to steer the gateway to a management port', () => {
  it.each([
    ['an absolute request target', () => `http://${managementHost}/metrics`],
    ['an absolute target on a routed path', () => `http://${managementHost}/api/v1/concerts`],
    ['a Host header', () => '/metrics'],
    ['an encoded climb out of a routed path', () => '/api/v1/concerts/..%2F..%2F..%2Fmetrics'],
    ['a dot-segment climb', () => '/api/v1/concerts/%2e%2e/%2e%2e/%2e%2e/metrics'],
    ['a scheme-relative target', () => `//${managementHost}/metrics`],
  ])('never reaches it with %s', async (_case, target) => {
    const answer = await rawRequest(target(), managementHost);

    expect(answer).toMatch(/^HTTP\/1\.1 \d{3}/);
    expect(answer).not.toContain('process_cpu');
    expect(managementHeard).toEqual([]);
  });
});
