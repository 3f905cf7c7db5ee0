import type { Session } from '../sessions';
import { captureExpecting, type Asked } from './captured-answer';

// The fans of the ceilings scenario, ready for every hot path: each holds an ACTIVE queue token of
// a schedule and has a seat of that schedule of its own to hold and release, so no two fans ever
// contend (a 409 would be another path than the hold).

export interface CeilingFan extends Session {
  scheduleId: string;
  seatId: string;
  queueToken: string;
}

export interface CeilingCast {
  fans: CeilingFan[];
  /** The schedule whose (cached) seat map every fan reads. */
  seatMapSchedule: string;
}

const AT_ONCE = 20;

async function askJson<T>(baseUrl: string, asked: Asked, status: number): Promise<T> {
  return JSON.parse((await captureExpecting(baseUrl, asked, status)).body) as T;
}

const bearer = (session: Session) => ({ authorization: `Bearer ${session.accessToken}` });

/** Every available seat of the concert at `concertIndex` (newest first), schedule by schedule. */
async function seatsOfConcert(baseUrl: string, concertIndex: number) {
  const page = await askJson<{ items: { concertId: string }[] }>(
    baseUrl,
    { method: 'GET', path: '/api/v1/concerts?limit=100' },
    200,
  );
  const concert = page.items[concertIndex];
  if (!concert) throw new Error(`the catalogue has no concert number ${concertIndex + 1}`);
  const schedules = await askJson<{ scheduleId: string }[]>(
    baseUrl,
    { method: 'GET', path: `/api/v1/concerts/${concert.concertId}/schedules` },
    200,
  );
  const seats = [];
  for (const { scheduleId } of schedules) {
    const map = await askJson<{ seats: { seatId: string; status: string }[] }>(
      baseUrl,
      { method: 'GET', path: `/api/v1/schedules/${scheduleId}/seats` },
      200,
    );
    seats.push(
      ...map.seats
        .filter((seat) => seat.status === 'AVAILABLE')
        .map((seat) => ({ scheduleId, seatId: seat.seatId })),
    );
  }
  return { scheduleIds: schedules.map((schedule) => schedule.scheduleId), seats };
}

async function activeToken(baseUrl: string, session: Session, scheduleId: string) {
  const token = await askJson<{ queueToken: string; status: string }>(
    baseUrl,
    {
      method: 'POST',
      path: '/api/v1/queue/tokens',
      headers: bearer(session),
      body: { scheduleId },
    },
    201,
  );
  if (token.status !== 'ACTIVE') {
    throw new Error(`${session.username} is ${token.status} in ${scheduleId}: raise ACTIVE_LIMIT`);
  }
  return token.queueToken;
}

export async function castFans(
  baseUrl: string,
  sessions: readonly Session[],
  concertIndex: number,
): Promise<CeilingCast> {
  const { scheduleIds, seats } = await seatsOfConcert(baseUrl, concertIndex);
  if (seats.length < sessions.length) {
    throw new Error(
      `${sessions.length} fans need a seat each; concert ${concertIndex + 1} has ${seats.length}`,
    );
  }
  const fans: CeilingFan[] = [];
  for (let start = 0; start < sessions.length; start += AT_ONCE) {
    const batch = sessions.slice(start, start + AT_ONCE).map(async (session, i) => {
      const seat = seats[start + i] as { scheduleId: string; seatId: string };
      return {
        ...session,
        ...seat,
        queueToken: await activeToken(baseUrl, session, seat.scheduleId),
      };
    });
    fans.push(...(await Promise.all(batch)));
  }
  return { fans, seatMapSchedule: scheduleIds[0] as string };
}
