import { NonRetriableError } from '../messaging/non-retriable-error';

/**
 * How a failure should be handled:
 * - `transient`: a dependency is away, overloaded or lost a race (connection refused or reset,
 *   timeouts, pool exhaustion, serialization failures, deadlocks, a broker without a leader).
 *   The same work succeeds once it is back, so it is retried without a bound.
 * - `permanent`: the work can never succeed as it is (a malformed or unknown event, a value out
 *   of range, a broken constraint, a business rule). Retrying only delays parking it.
 * - `unexpected`: anything else, most likely a bug. A few retries, then parked for a fix.
 */
export type FailureKind = 'transient' | 'permanent' | 'unexpected';

// SQLSTATE classes and codes that describe the server or the connection, not the statement
// (https://www.postgresql.org/docs/15/errcodes-appendix.html).
const transientSqlStateClasses = ['08', '53', '57P', '58'];
const transientSqlStates = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57014', // query_canceled: our statement_timeout, a lock wait included
]);
const permanentSqlStateClasses = ['22', '23', '42', '2B', '2D', '3D', '3F', '44'];

// Prisma's codes for an unreachable, closed or exhausted database and for write conflicts
// (https://www.prisma.io/docs/orm/reference/error-reference).
const transientPrismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2034']);

const transientSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

// Errors pg, pg-pool and ioredis raise without a code, recognisable only by their message.
const transientMessages = [
  /^Connection terminated/, // pg: the server went away mid-query or while connecting
  /connection error and is not queryable/, // pg: a client reused after its socket broke
  /^timeout exceeded when trying to connect/, // pg-pool: every connection busy (exhaustion)
  /^Connection is closed/, // ioredis
  /^Command timed out/, // ioredis commandTimeout
  /^Stream isn't writeable/, // ioredis with enableOfflineQueue: false while disconnected
  /^(LOADING|BUSY|TRYAGAIN|MASTERDOWN|READONLY|CLUSTERDOWN) /, // Redis replies while recovering
];

const transientErrorNames = new Set(['MaxRetriesPerRequestError', 'TimeoutError', 'AbortError']);

// How Prisma's driver adapters describe a database error (@prisma/driver-adapter-utils).
const transientAdapterKinds = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TransactionWriteConflict',
]);
const permanentAdapterKinds = new Set([
  'ValueOutOfRange',
  'UniqueConstraintViolation',
  'NullConstraintViolation',
  'ForeignKeyConstraintViolation',
  'LengthMismatch',
  'InconsistentColumnData',
]);

interface ErrorFields {
  kind?: unknown;
  meta?: { driverAdapterError?: unknown };
  name?: unknown;
  code?: unknown;
  message?: unknown;
  retriable?: unknown;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown;
}

/** Classifies an error from pg, ioredis, kafkajs, Node's sockets or our own code. */
export function failureKindOf(error: unknown): FailureKind {
  if (typeof error !== 'object' || error === null) return 'unexpected';
  if (error instanceof NonRetriableError) return 'permanent';
  const fields = error as ErrorFields;
  const name = typeof fields.name === 'string' ? fields.name : '';
  const code = typeof fields.code === 'string' ? fields.code : '';
  const message = typeof fields.message === 'string' ? fields.message : '';

  if (name === 'UnparseableEventError') return 'permanent';
  if (transientSocketCodes.has(code) || transientErrorNames.has(name)) return 'transient';
  if (transientPrismaCodes.has(code)) return 'transient';
  if (isSqlState(code)) return sqlStateKind(code);
  if (transientMessages.some((pattern) => pattern.test(message))) return 'transient';
  if (name.startsWith('KafkaJS')) return kafkaKind(fields);
  if (fields.meta?.driverAdapterError !== undefined) {
    return failureKindOf(fields.meta.driverAdapterError);
  }
  if (typeof fields.kind === 'string') return adapterKind(fields.kind, code);
  // Node wraps each address's refusal in an AggregateError; the wrapper may lack the code.
  if (Array.isArray(fields.errors) && fields.errors.length > 0) {
    return fields.errors.every((inner) => failureKindOf(inner) === 'transient')
      ? 'transient'
      : 'unexpected';
  }
  return fields.cause === undefined ? 'unexpected' : failureKindOf(fields.cause);
}

function isSqlState(code: string): boolean {
  return /^[0-9A-Z]{5}$/.test(code) && !/^P\d{4}$/.test(code);
}

function sqlStateKind(code: string): FailureKind {
  if (transientSqlStates.has(code)) return 'transient';
  if (transientSqlStateClasses.some((prefix) => code.startsWith(prefix))) return 'transient';
  if (permanentSqlStateClasses.some((prefix) => code.startsWith(prefix))) return 'permanent';
  return 'unexpected';
}

function adapterKind(kind: string, code: string): FailureKind {
  if (kind === 'postgres' && isSqlState(code)) return sqlStateKind(code);
  if (transientAdapterKinds.has(kind)) return 'transient';
  return permanentAdapterKinds.has(kind) ? 'permanent' : 'unexpected';
}

// kafkajs marks what it would retry itself; a retry it gave up on carries the original error.
function kafkaKind(fields: ErrorFields): FailureKind {
  if (fields.retriable === true) return 'transient';
  const original = fields.originalError ?? fields.cause;
  return original === undefined ? 'unexpected' : failureKindOf(original);
}
