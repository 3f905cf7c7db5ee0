import { randomUUID } from 'node:crypto';
import { AccessTokenRejected, accessTokens } from '../src/domain/access-token';
import { verifiedTokens } from '../src/domain/verified-tokens';

const tokens = accessTokens({
  secret: 'a-test-secret-of-enough-length-for-hs256',
  ttlSeconds: 60,
  issuer: 'headliner-test',
  audience: 'headliner-test-api',
});
const fan = { userId: randomUUID(), role: 'user' as const };

function rejection(token: string): AccessTokenRejected['reason'] | 'accepted' {
  try {
    tokens.verify(token);
    return 'accepted';
  } catch (error) {
    return (error as AccessTokenRejected).reason;
  }
}

describe('an access token verified before', () => {
  afterEach(() => jest.useRealTimers());

  it('names the same caller every time it is used', () => {
    const token = tokens.issue(fan);

    expect(tokens.verify(token)).toEqual(fan);
    expect(tokens.verify(token)).toEqual(fan);
  });

  it('is refused as expired from the second its exp names', () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T10:00:00.000Z') });
    const token = tokens.issue(fan);
    expect(tokens.verify(token)).toEqual(fan);

    jest.setSystemTime(new Date('2026-12-07T10:00:59.999Z'));
    expect(rejection(token)).toBe('accepted');
    jest.setSystemTime(new Date('2026-12-07T10:01:00.000Z'));
    expect(rejection(token)).toBe('expired');
  });

  it('lends nothing to the same token with another signature', () => {
    const token = tokens.issue(fan);
    tokens.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;

    expect(rejection(forged)).toBe('invalid');
  });
});

describe('verifiedTokens', () => {
  it('forgets the oldest token once it holds its most', () => {
    const kept = verifiedTokens(2);
    kept.remember('a', fan, 1_000);
    kept.remember('b', fan, 1_000);
    kept.remember('c', fan, 1_000);

    expect(['a', 'b', 'c'].map((token) => kept.callerOf(token, 0))).toEqual([undefined, fan, fan]);
  });
});
