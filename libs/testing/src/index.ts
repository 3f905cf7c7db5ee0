export * from './eventually';
export * from './infra-env';
export * from './test-database';
export * from './test-kafka';
export * from './test-redis';
export * from './caller-statement';
export * from './free-port';
export * from './queue-challenge-solver';
