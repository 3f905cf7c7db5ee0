import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBareServer } from '../ceilings/bare-server';
import { capture } from '../ceilings/captured-answer';

// What the ceilings stand on: the bare server answers the captured request with the bytes the
// real system answered, so the two sides of a path differ only in the work behind the answer.

const seatMap = JSON.stringify({ scheduleId: 's1', seats: [{ seatId: 'a', number: 1 }] });

let real: Server;
let realUrl: string;

beforeAll(async () => {
  real = createServer((req, res) => {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'public, max-age=1');
    res.end(req.method === 'GET' ? seatMap : JSON.stringify({ status: 'HELD' }));
  });
  await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
  realUrl = `http://127.0.0.1:${(real.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => real.close(resolve)));

function raw(url: string, method: string, path: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      request(new URL(path, url), { method }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('the bare server', () => {
  it('answers each captured request with the status, headers and body the system answered', async () => {
    const answers = [
      await capture(realUrl, { method: 'GET', path: '/api/v1/schedules/s1/seats' }),
      await capture(realUrl, {
        method: 'POST',
        path: '/api/v1/reservations',
        body: { seatId: 'a' },
      }),
    ];
    const bare = await startBareServer(answers);
    try {
      const seats = await raw(bare.url, 'GET', '/api/v1/schedules/s1/seats');
      expect(seats.status).toBe(200);
      expect(seats.body).toBe(seatMap);
      expect(seats.headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'public, max-age=1',
        'content-length': String(Buffer.byteLength(seatMap)),
      });
      expect((await raw(bare.url, 'POST', '/api/v1/reservations')).body).toBe('{"status":"HELD"}');
    } finally {
      await bare.stop();
      await bare.stop();
    }
  });

  it('answers 404 to anything it was not given, so a wrong request never passes as the path', async () => {
    const bare = await startBareServer([
      await capture(realUrl, { method: 'GET', path: '/api/v1/schedules/s1/seats' }),
    ]);
    try {
      expect((await raw(bare.url, 'GET', '/api/v1/schedules/s2/seats')).status).toBe(404);
      expect((await raw(bare.url, 'DELETE', '/api/v1/schedules/s1/seats')).status).toBe(404);
    } finally {
      await bare.stop();
    }
  });
});
