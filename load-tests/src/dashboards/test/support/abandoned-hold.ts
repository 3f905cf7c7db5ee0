import { signIn } from '../../../sessions';

async function send<T>(
  url: string,
  init: RequestInit & { headers: Record<string, string> },
  expected: number,
): Promise<T> {
  const response = await fetch(url, init);
  if (response.status !== expected) {
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/**
 * One fan takes a queue token and holds the first seat of the first schedule, then never pays:
 * the hold lapses after HOLD_TTL_SECONDS (the booking funnel's expired holds).
 */
export async function abandonHold(gatewayUrl: string, username: string, password: string) {
  const { accessToken } = await signIn(gatewayUrl, username, password);
  const auth = { authorization: `Bearer ${accessToken}` };
  const api = (route: string) => `${gatewayUrl}/api/v1${route}`;

  const concerts = await send<{ items: { concertId: string }[] }>(
    api('/concerts'),
    { headers: {} },
    200,
  );
  const [schedule] = await send<{ scheduleId: string }[]>(
    api(`/concerts/${concerts.items[0]?.concertId}/schedules`),
    { headers: {} },
    200,
  );
  const { seats } = await send<{ seats: { seatId: string }[] }>(
    api(`/schedules/${schedule?.scheduleId}/seats`),
    { headers: {} },
    200,
  );
  const token = await send<{ queueToken: string; status: string }>(
    api('/queue/tokens'),
    {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ scheduleId: schedule?.scheduleId }),
    },
    201,
  );
  if (token.status !== 'ACTIVE') throw new Error(`queue token ${token.status}, not ACTIVE`);
  await send(
    api('/reservations'),
    {
      method: 'POST',
      headers: { ...auth, 'x-queue-token': token.queueToken, 'content-type': 'application/json' },
      body: JSON.stringify({ scheduleId: schedule?.scheduleId, seatId: seats[0]?.seatId }),
    },
    201,
  );
}
