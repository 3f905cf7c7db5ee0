import { captureExpecting, type CapturedAnswer } from './captured-answer';
import type { CeilingCast } from './ceiling-fans';

// What the real system answers on each hot path, asked once by the first fan just before the load:
// the bytes the bare server and the bare chain then answer every fan with.

export interface HotPathAnswers {
  seatMap: CapturedAnswer;
  token: CapturedAnswer;
  poll: CapturedAnswer;
  balance: CapturedAnswer;
  hold: CapturedAnswer;
  release: CapturedAnswer;
}

export async function captureHotPaths(
  baseUrl: string,
  { fans, seatMapSchedule }: CeilingCast,
): Promise<HotPathAnswers> {
  const fan = fans[0];
  if (!fan) throw new Error('the ceilings need at least one fan');
  const signedIn = { authorization: `Bearer ${fan.accessToken}` };
  const admitted = { ...signedIn, 'x-queue-token': fan.queueToken };
  const ask = (method: string, path: string, status: number, more = {}) =>
    captureExpecting(baseUrl, { method, path, ...more }, status);

  const seatMap = await ask('GET', `/api/v1/schedules/${seatMapSchedule}/seats`, 200);
  const token = await ask('POST', '/api/v1/queue/tokens', 200, {
    headers: signedIn,
    body: { scheduleId: fan.scheduleId },
  });
  const poll = await ask('GET', '/api/v1/queue/tokens/current', 200, { headers: admitted });
  const balance = await ask('GET', '/api/v1/wallet', 200, { headers: signedIn });
  const hold = await ask('POST', '/api/v1/reservations', 201, {
    headers: admitted,
    body: { scheduleId: fan.scheduleId, seatId: fan.seatId },
  });
  const { reservationId } = JSON.parse(hold.body) as { reservationId: string };
  const release = await ask('DELETE', `/api/v1/reservations/${reservationId}`, 204, {
    headers: signedIn,
  });
  return { seatMap, token, poll, balance, hold, release };
}
