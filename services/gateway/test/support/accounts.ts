import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { TestGateway } from './gateway-under-test';

export const PASSWORD = 'correct-horse-battery';

export function uniqueUsername(): string {
  return `fan_${randomUUID().slice(0, 8)}`;
}

/** Signs up and signs in a new user through the gateway itself. */
export async function signedInUser(gateway: TestGateway) {
  const username = uniqueUsername();
  const signup = await gateway
    .http()
    .post('/api/v1/auth/signup')
    .send({ username, password: PASSWORD });
  expect(signup.status).toBe(201);
  const login = await gateway
    .http()
    .post('/api/v1/auth/login')
    .send({ username, password: PASSWORD });
  expect(login.status).toBe(200);
  const { accessToken, userId } = login.body as { accessToken: string; userId: string };
  return { username, userId, accessToken, bearer: `Bearer ${accessToken}` };
}

export async function signedInAdmin(gateway: TestGateway) {
  const login = await gateway
    .http()
    .post('/api/v1/auth/login')
    .send({ username: 'admin', password: gateway.config.ADMIN_PASSWORD });
  expect(login.status).toBe(200);
  return {
    ...(login.body as { accessToken: string; userId: string }),
    bearer: `Bearer ${login.body.accessToken}`,
  };
}

/** The gateway's default `iss` and `aud`. */
export const TOKEN_AUDIENCE = { issuer: 'headliner-gateway', audience: 'headliner-api' };

/** A token the gateway did not issue, or issued long ago; `options` replace iss, aud and exp. */
export function forgedToken(
  claims: object,
  secret: string,
  expiresIn = 3600,
  options: jwt.SignOptions = TOKEN_AUDIENCE,
): string {
  return jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn, ...options });
}
