import { signIn } from '../sessions';

export interface FuzzCredentials {
  fanToken: string;
  adminToken: string;
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
  const response = await fetch(`${gatewayUrl}/api/v1/queue/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fanSession.accessToken}` },
  });
  const entered = (await response.json()) as { status?: string };
  if (entered.status !== 'ACTIVE') {
    throw new Error(`the fan was not admitted: ${response.status} ${JSON.stringify(entered)}`);
  }
  return { fanToken: fanSession.accessToken, adminToken: adminSession.accessToken };
}
