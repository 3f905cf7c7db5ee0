import type { CallerStatement } from '@headliner/contracts';
import { verifiedStatementMemo } from '../src/http/verified-statement-memo';

const issuedAt = 1_800_000_000;
const statementOf = (): CallerStatement => ({
  sub: '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  role: 'user',
  aud: 'queue',
  iat: issuedAt,
  exp: issuedAt + 30,
});
const atSecond = (second: number) => second * 1000;

describe('the memo of verified caller statements', () => {
  it('recalls a statement by its exact text until its expiry, and never after', () => {
    const memo = verifiedStatementMemo();
    const statement = statementOf();
    memo.remember('header.payload.signature', statement);

    expect(memo.recall('header.payload.signature', atSecond(issuedAt + 29) + 999)).toBe(statement);
    expect(memo.recall('header.payload.signature', atSecond(issuedAt + 30))).toBeUndefined();
    // Gone for good: an earlier clock reading does not bring it back.
    expect(memo.recall('header.payload.signature', atSecond(issuedAt))).toBeUndefined();
    expect(memo.size).toBe(0);
  });

  it('recalls nothing for a text that differs by one character', () => {
    const memo = verifiedStatementMemo();
    memo.remember('header.payload.signature', statementOf());

    expect(memo.recall('header.payload.signaturf', atSecond(issuedAt))).toBeUndefined();
    expect(memo.recall('header.payload.signature.', atSecond(issuedAt))).toBeUndefined();
  });

  it('keeps at most its size, letting the oldest go first', () => {
    const memo = verifiedStatementMemo(4);
    for (let i = 0; i < 10; i++) {
      memo.remember(`statement-${i}`, statementOf());
      expect(memo.size).toBeLessThanOrEqual(4);
    }

    expect(memo.size).toBe(4);
    expect(memo.recall('statement-5', atSecond(issuedAt))).toBeUndefined();
    for (const kept of [6, 7, 8, 9]) {
      expect(memo.recall(`statement-${kept}`, atSecond(issuedAt))).toBeDefined();
    }
  });

  it('hands out a statement no route can change for the next request', () => {
    const memo = verifiedStatementMemo();
    memo.remember('text', statementOf());

    expect(Object.isFrozen(memo.recall('text', atSecond(issuedAt)))).toBe(true);
  });
});
