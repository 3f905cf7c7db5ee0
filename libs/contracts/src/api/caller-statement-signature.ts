import { createHmac, timingSafeEqual } from 'node:crypto';
import { CallerStatement, type CallerClaims, type ServiceName } from './caller-statement';

// A compact JWS (RFC 7515) with HMAC-SHA256: the one algorithm accepted, whatever a header says.
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const SEGMENT = /^[A-Za-z0-9_-]+$/;

export const CALLER_STATEMENT_TTL_SECONDS = 30;
// Clocks of two hosts disagree a little; a statement is never accepted for longer than a minute.
const CLOCK_LEEWAY_SECONDS = 5;
const MAX_LIFETIME_SECONDS = 60;

export type CallerStatementProblem =
  | 'missing'
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'claims'
  | 'audience'
  | 'expired'
  | 'not-yet-valid';

/** Why a statement was refused, in words that name the problem and never the secret. */
export class CallerStatementRejected extends Error {
  constructor(
    readonly problem: CallerStatementProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CallerStatementRejected';
  }
}

export interface SignOptions {
  ttlSeconds?: number;
  /** Milliseconds since the epoch; tests move it. */
  now?: number;
}

export function signCallerStatement(
  claims: CallerClaims,
  secret: string,
  { ttlSeconds = CALLER_STATEMENT_TTL_SECONDS, now = Date.now() }: SignOptions = {},
): string {
  const iat = Math.floor(now / 1000);
  const payload = base64url(JSON.stringify({ ...claims, iat, exp: iat + ttlSeconds }));
  return `${HEADER}.${payload}.${signatureOf(`${HEADER}.${payload}`, secret)}`;
}

export interface VerifyOptions {
  /** The verifying service: a statement addressed to another is refused. */
  audience: ServiceName;
  /**
   * Secrets also accepted, never used to sign: while a secret rotates, replicas that already
   * sign with the new one and those still signing with the old one accept each other.
   */
  alsoAccepted?: readonly string[];
  now?: number;
}

/** The statement, if its signature, audience and validity hold; else CallerStatementRejected. */
export function verifyCallerStatement(
  token: string | undefined,
  secret: string,
  { audience, alsoAccepted = [], now = Date.now() }: VerifyOptions,
): CallerStatement {
  if (token === undefined || token === '') {
    throw new CallerStatementRejected('missing', 'No caller statement was sent.');
  }
  const segments = token.split('.');
  if (segments.length !== 3 || !segments.every((segment) => SEGMENT.test(segment))) {
    throw new CallerStatementRejected('malformed', 'The caller statement is not a compact JWS.');
  }
  const [header, payload, signature] = segments as [string, string, string];
  if (decoded(header)?.alg !== 'HS256') {
    throw new CallerStatementRejected('algorithm', 'The caller statement must be signed HS256.');
  }
  if (![secret, ...alsoAccepted].some((key) => signs(`${header}.${payload}`, signature, key))) {
    throw new CallerStatementRejected('signature', 'The caller statement signature is not valid.');
  }
  const parsed = CallerStatement.safeParse(decoded(payload));
  if (!parsed.success) {
    throw new CallerStatementRejected('claims', 'The caller statement claims are not valid.');
  }
  return withinValidity(parsed.data, audience, Math.floor(now / 1000));
}

function withinValidity(
  statement: CallerStatement,
  audience: ServiceName,
  nowSeconds: number,
): CallerStatement {
  if (statement.aud !== audience) {
    throw new CallerStatementRejected(
      'audience',
      `The caller statement is for the ${statement.aud} service, not ${audience}.`,
    );
  }
  if (statement.iat > nowSeconds + CLOCK_LEEWAY_SECONDS) {
    throw new CallerStatementRejected('not-yet-valid', 'The caller statement is not valid yet.');
  }
  if (statement.exp <= nowSeconds - CLOCK_LEEWAY_SECONDS) {
    throw new CallerStatementRejected('expired', 'The caller statement expired.');
  }
  if (statement.exp - statement.iat > MAX_LIFETIME_SECONDS) {
    throw new CallerStatementRejected(
      'claims',
      `The caller statement lives longer than ${MAX_LIFETIME_SECONDS} seconds.`,
    );
  }
  return statement;
}

// Compared as text: base64url has several spellings of the same bytes, only one is signed.
function signs(signingInput: string, signature: string, secret: string): boolean {
  const expected = Buffer.from(signatureOf(signingInput, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function signatureOf(signingInput: string, secret: string): string {
  return createHmac('sha256', secret).update(signingInput).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function decoded(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
