import { createHmac } from 'node:crypto';
import {
  CallerStatementRejected,
  signCallerStatement,
  verifyCallerStatement,
  type CallerClaims,
  type CallerStatementProblem,
} from '../src';

const secret = 'a-shared-secret-of-at-least-32-characters';
const fan: CallerClaims = {
  sub: '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  role: 'user',
  aud: 'reservation',
  admittedTo: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};
const now = Date.parse('2026-12-06T20:00:00Z');

function problemOf(verify: () => unknown): CallerStatementProblem {
  try {
    verify();
  } catch (error) {
    if (error instanceof CallerStatementRejected) return error.problem;
    throw error;
  }
  throw new Error('expected the statement to be refused');
}

function segmentsOf(token: string) {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  return { header, payload, signature };
}

function encoded(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function signed(header: string, payload: string, key = secret): string {
  const signature = createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

describe('when a service verifies a statement signed for it', () => {
  it('reads who is calling, with the queue state and the validity window', () => {
    const token = signCallerStatement(fan, secret, { now });

    expect(verifyCallerStatement(token, secret, { audience: 'reservation', now })).toEqual({
      ...fan,
      iat: now / 1000,
      exp: now / 1000 + 30,
    });
  });

  it('reads a service calling on its own account', () => {
    const claims: CallerClaims = { sub: 'reservation', role: 'service', aud: 'concert' };
    const token = signCallerStatement(claims, secret, { now });

    expect(verifyCallerStatement(token, secret, { audience: 'concert', now })).toMatchObject(
      claims,
    );
  });
});

describe('when a statement must be refused', () => {
  const token = signCallerStatement(fan, secret, { now });
  const verify =
    (candidate: string | undefined, options = {}) =>
    () =>
      verifyCallerStatement(candidate, secret, { audience: 'reservation', now, ...options });

  it('refuses a missing one', () => {
    expect(problemOf(verify(undefined))).toBe('missing');
    expect(problemOf(verify(''))).toBe('missing');
  });

  it('refuses one that is not a compact JWS', () => {
    expect(problemOf(verify('not-a-statement'))).toBe('malformed');
    expect(problemOf(verify(`${token}.extra`))).toBe('malformed');
    expect(problemOf(verify('a b.c.d'))).toBe('malformed');
  });

  it('refuses one addressed to another service', () => {
    expect(problemOf(verify(token, { audience: 'wallet' }))).toBe('audience');
  });

  it('refuses an expired one, and one issued in the future', () => {
    expect(problemOf(verify(token, { now: now + 36_000 }))).toBe('expired');
    expect(problemOf(verify(token, { now: now - 6_000 }))).toBe('not-yet-valid');
  });

  it('accepts a few seconds of clock difference between hosts', () => {
    expect(() => verify(token, { now: now + 34_000 })()).not.toThrow();
    expect(() => verify(token, { now: now - 4_000 })()).not.toThrow();
  });

  it('refuses one signed with another secret', () => {
    const forged = signCallerStatement(fan, 'another-secret-of-at-least-32-characters!', { now });
    expect(problemOf(verify(forged))).toBe('signature');
  });

  it('accepts one signed with a secret still accepted during a rotation, and no other', () => {
    const previous = 'the-previous-secret-of-at-least-32-characters';
    const signedBefore = signCallerStatement(fan, previous, { now });
    expect(problemOf(verify(signedBefore))).toBe('signature');
    expect(() => verify(signedBefore, { alsoAccepted: [previous] })()).not.toThrow();
    const forged = signCallerStatement(fan, 'another-secret-of-at-least-32-characters!', { now });
    expect(problemOf(verify(forged, { alsoAccepted: [previous] }))).toBe('signature');
  });

  it('refuses a tampered payload', () => {
    const { header, signature } = segmentsOf(token);
    const admin = encoded({ ...fan, role: 'admin', iat: now / 1000, exp: now / 1000 + 30 });
    expect(problemOf(verify(`${header}.${admin}.${signature}`))).toBe('signature');
  });

  it('refuses a tampered or truncated signature', () => {
    const { header, payload, signature } = segmentsOf(token);
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(problemOf(verify(`${header}.${payload}.${flipped}`))).toBe('signature');
    expect(problemOf(verify(`${header}.${payload}.${signature.slice(0, 20)}`))).toBe('signature');
    // The last character's two low bits carry no data: another spelling of the same bytes.
    const last = signature.at(-1)!;
    const sameBytes = last.replace(/[A-Za-z0-9_-]/, (c) => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      return alphabet[alphabet.indexOf(c) ^ 1]!;
    });
    const respelled = `${header}.${payload}.${signature.slice(0, -1)}${sameBytes}`;
    expect(problemOf(verify(respelled))).toBe('signature');
  });

  it('refuses an unsigned one and any algorithm but HS256, whatever it is signed with', () => {
    const { payload } = segmentsOf(token);
    const none = encoded({ alg: 'none', typ: 'JWT' });
    expect(problemOf(verify(`${none}.${payload}.${segmentsOf(token).signature}`))).toBe(
      'algorithm',
    );
    expect(problemOf(verify(signed(encoded({ alg: 'HS512' }), payload)))).toBe('algorithm');
  });

  it('refuses correctly signed claims that are not a caller', () => {
    const header = encoded({ alg: 'HS256', typ: 'JWT' });
    const times = { iat: now / 1000, exp: now / 1000 + 30 };
    const root = encoded({ ...fan, role: 'root', ...times });
    const notAUser = encoded({ ...fan, sub: 'someone', ...times });
    const waiting = encoded({ ...fan, queue: 'WAITING', ...times });
    for (const payload of [root, notAUser, waiting, encoded('text')]) {
      expect(problemOf(verify(signed(header, payload)))).toBe('claims');
    }
  });

  it('refuses one that would live longer than a minute', () => {
    const longLived = signCallerStatement(fan, secret, { now, ttlSeconds: 3600 });
    expect(problemOf(verify(longLived))).toBe('claims');
  });
});
