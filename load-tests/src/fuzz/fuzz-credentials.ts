import { signIn } from '../sessions';

export interface FuzzCredentials {
  fanToken: string;
  adminToken: string;
  /** The schedule whose waiting room the fan joins: the first of the seeded catalogue. */
  scheduleId: string;
}

/**
 * Signs in one seeded fan and the admin, and checks the fan is admitted by the waiting room at
 * once: holds and payments are only reached with an ACTIVE queue token, which the auth hooks
 * fetch again as the fuzzer spends it, so the fuzz system's active limit must be high.
 */
export async function obtainCredentials(
  gatewayUrl: string,
  fan: { username: string; password: string },
  admin: { username: string; password: string },
): Promise<FuzzCredentials> {
  const [fanSession, adminSession] = await Promise.all([
    signIn(gatewayUrl, fan.username, fan.password),
    signIn(gatewayUrl, admin.username, admin.password),
  ]);
  const scheduleId = await firstScheduleId(gatewayUrl);
  const response = await fetch(`${gatewayUrl}/api/v1/queue/tokens`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${fanSession.accessToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ scheduleId }),
  });
  const entered = (await response.json()) as { status?: string };
  if (entered.status !== 'ACTIVE') {
    throw new Error(`the fan was not admitted: ${response.status} ${JSON.stringify(entered)}`);
  }
  return { fanToken: fanSession.accessToken, adminToken: adminSession.accessToken, scheduleId };
}

async function firstScheduleId(gatewayUrl: string): Promise<string> {
  const concerts = (await (await fetch(`${gatewayUrl}/api/v1/concerts?limit=1`)).json()) as {
    items: { concertId: string }[];
  };
  const concertId = concerts.items[0]?.concertId;
  const schedules = (await (
    await fetch(`${gatewayUrl}/api/v1/concerts/${concertId}/schedules`)
  ).json()) as { scheduleId: string }[];
  const scheduleId = schedules[0]?.scheduleId;
  if (!scheduleId) throw new Error('the fuzz system has no schedule to queue for');
  return scheduleId;
}
