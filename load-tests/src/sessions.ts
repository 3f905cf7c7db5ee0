import { writeFile } from 'node:fs/promises';

// Signs fans in before k6 starts, so scenarios that do not measure signing in get their
// tokens from one file (k6 shares it between VUs) instead of a login storm inside the test.

export interface Session {
  username: string;
  userId: string;
  accessToken: string;
}

const AT_ONCE = 20;

export async function signIn(
  gatewayUrl: string,
  username: string,
  password: string,
): Promise<Session> {
  const response = await fetch(`${gatewayUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  }
  const body = (await response.json()) as { accessToken: string; userId: string };
  return { username, userId: body.userId, accessToken: body.accessToken };
}

/** Signs in user<offset+1> … user<offset+count> and writes their sessions, in order, to `file`. */
export async function writeSessions(
  gatewayUrl: string,
  users: { offset: number; count: number; password: string },
  file: string,
): Promise<void> {
  const sessions: Session[] = [];
  for (let start = 0; start < users.count; start += AT_ONCE) {
    const batch = Array.from(
      { length: Math.min(AT_ONCE, users.count - start) },
      (_, i) => `user${users.offset + start + i + 1}`,
    );
    sessions.push(
      ...(await Promise.all(batch.map((name) => signIn(gatewayUrl, name, users.password)))),
    );
  }
  await writeFile(file, JSON.stringify(sessions));
}
