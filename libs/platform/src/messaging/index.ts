export * from './sql-client';
export * from './outbox';
export * from './outbox-relay';
export * from './inbox-consumer';
export * from './kafka-client';
export * from './non-retriable-error';
export * from './retry-delay';
export * from './trace-headers';
