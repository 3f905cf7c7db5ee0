import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwarding } from '../ceilings/bare-proxy';
import { chainBackend, type ChainRoute } from '../ceilings/chain-backend';
import type { RoundTripKind, RoundTrips } from '../ceilings/chain-round-trips';

// The bare chain's two hops: whatever the proxy is asked reaches the backend as it was, and the
// backend answers the captured bytes only once the path's round trip for that fan is done.

const seatMap = JSON.stringify({ scheduleId: 's1', seats: [] });
const routes: ChainRoute[] = [
  {
    answer: {
      method: 'GET',
      path: '/api/v1/schedules/s1/seats',
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=1' },
      body: seatMap,
    },
    roundTrip: 'none',
  },
  {
    answer: {
      method: 'POST',
      path: '/api/v1/reservations',
      status: 201,
      headers: { 'content-type': 'application/json' },
      body: '{"status":"HELD"}',
    },
    roundTrip: 'pg-insert',
  },
];

interface Trip {
  kind: RoundTripKind;
  fan: string;
  done: () => void;
  fail: (error: Error) => void;
}

let trips: Trip[];
const fakeStores: RoundTrips = {
  run: (kind, fan) =>
    new Promise<void>((resolve, reject) => {
      trips.push({ kind, fan, done: resolve, fail: reject });
    }),
  close: () => Promise.resolve(),
};

const servers: Server[] = [];
async function listening(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let chainUrl: string;

beforeAll(async () => {
  const backendUrl = await listening(createServer(chainBackend(routes, fakeStores)));
  chainUrl = await listening(createServer(forwarding(backendUrl)));
});

beforeEach(() => {
  trips = [];
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

function ask(method: string, path: string, fan: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(new URL(path, chainUrl), { method, headers: { authorization: fan } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    })
      .on('error', reject)
      .end(body);
  });
}

const tripStarted = async () => {
  while (trips.length === 0) await new Promise((resolve) => setImmediate(resolve));
  return trips[0] as Trip;
};

describe('the bare chain', () => {
  it('answers through the proxy with the status, headers and body the system answered', async () => {
    const answering = ask('GET', '/api/v1/schedules/s1/seats', 'Bearer fan-1');
    (await tripStarted()).done();
    const answer = await answering;
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(seatMap);
    expect(answer.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'max-age=1',
    });
  });

  it("answers only once the path's round trip for the fan who asked is done", async () => {
    let answered = false;
    const answering = ask('POST', '/api/v1/reservations', 'Bearer fan-2', '{"seatId":"a"}').then(
      (answer) => {
        answered = true;
        return answer;
      },
    );
    const trip = await tripStarted();
    expect(trip).toMatchObject({ kind: 'pg-insert', fan: 'Bearer fan-2' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    trip.done();
    expect(await answering).toMatchObject({ status: 201, body: '{"status":"HELD"}' });
  });

  it('answers 503 when the round trip fails, and 404 to a request it has no answer for', async () => {
    const failing = ask('POST', '/api/v1/reservations', 'Bearer fan-3', '{}');
    (await tripStarted()).fail(new Error('connection refused'));
    expect((await failing).status).toBe(503);
    expect((await ask('GET', '/api/v1/wallet', 'Bearer fan-3')).status).toBe(404);
    expect(trips).toHaveLength(1);
  });
});
