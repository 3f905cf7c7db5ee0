import { baseConfigSchema, ConfigError, envVar, loadConfig } from '../src/config';
import { runTypeScript } from './support/run-typescript';

const schema = baseConfigSchema.extend({
  DATABASE_URL: envVar.url(['postgresql']),
  REDIS_URL: envVar.url(['redis']),
  KAFKA_BROKERS: envVar.brokerList(),
  HOLD_TTL_MS: envVar.durationMs(600_000),
  MAX_SEATS_PER_HOLD: envVar.positiveInt(6),
});

const valid = {
  DATABASE_URL: 'postgresql://wallet:secret@localhost:5432/wallet',
  REDIS_URL: 'redis://localhost:6379',
  KAFKA_BROKERS: 'localhost:9092, kafka-2:9093',
  INTERNAL_AUTH_SECRET: 'a-shared-secret-of-at-least-32-characters',
};

function configErrorFrom(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('when the environment is valid', () => {
  it('coerces values and fills in defaults', () => {
    const config = loadConfig(schema, { ...valid, PORT: '3002', HOLD_TTL_MS: '90000' });

    expect(config).toEqual({
      ...valid,
      KAFKA_BROKERS: ['localhost:9092', 'kafka-2:9093'],
      PORT: 3002,
      HOST: '127.0.0.1',
      INTERNAL_AUTH_ACCEPTED_SECRETS: [],
      HOLD_TTL_MS: 90_000,
      MAX_SEATS_PER_HOLD: 6,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      OTEL_TRACES_SAMPLER_ARG: 1,
    });
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig(schema, { ...valid, PORT: '', OTEL_EXPORTER_OTLP_ENDPOINT: '' });

    expect(config.PORT).toBe(3000);
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
  });
});

describe('when variables are missing or malformed', () => {
  it('names every one of them, with its rule, in one error', () => {
    const error = configErrorFrom(() =>
      loadConfig(schema, { ...valid, DATABASE_URL: undefined, PORT: 'abc' }),
    );

    expect(error.message).toBe(
      'Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc"); ' +
        'DATABASE_URL is required',
    );
  });

  it('explains the rule of each kind of variable', () => {
    const error = configErrorFrom(() =>
      loadConfig(schema, {
        ...valid,
        PORT: '70000',
        LOG_FORMAT: 'xml',
        REDIS_URL: 'localhost:6379',
        KAFKA_BROKERS: 'localhost',
        MAX_SEATS_PER_HOLD: '0',
        HOST: 'not a host!',
        INTERNAL_AUTH_SECRET: 'short',
      }),
    );

    expect(error.problems).toEqual([
      'PORT must be an integer between 1 and 65535 (got "70000")',
      'HOST must be an IP address or a host name (got "not a host!")',
      'INTERNAL_AUTH_SECRET must be at least 32 characters (got <redacted>)',
      'LOG_FORMAT must be one of json, pretty (got "xml")',
      'REDIS_URL must be a redis URL (got "localhost:6379")',
      'KAFKA_BROKERS must be a comma-separated list of host:port (got "localhost")',
      'MAX_SEATS_PER_HOLD must be an integer of at least 1 (got "0")',
    ]);
  });

  it('reads the secrets accepted during a rotation as a list, each as long as the secret', () => {
    const other = 'the-previous-secret-of-at-least-32-characters';
    expect(loadConfig(schema, valid).INTERNAL_AUTH_ACCEPTED_SECRETS).toEqual([]);
    expect(
      loadConfig(schema, { ...valid, INTERNAL_AUTH_ACCEPTED_SECRETS: `${other},${other}!` })
        .INTERNAL_AUTH_ACCEPTED_SECRETS,
    ).toEqual([other, `${other}!`]);
    expect(
      configErrorFrom(() =>
        loadConfig(schema, { ...valid, INTERNAL_AUTH_ACCEPTED_SECRETS: `${other},short` }),
      ).problems,
    ).toEqual(['INTERNAL_AUTH_ACCEPTED_SECRETS must be at least 32 characters (got <redacted>)']);
  });

  it('does not repeat the password of a connection URL', () => {
    const error = configErrorFrom(() =>
      loadConfig(schema, { ...valid, DATABASE_URL: 'mysql://wallet:hunter2@db:3306/wallet' }),
    );

    expect(error.message).toContain('DATABASE_URL must be a postgresql URL');
    expect(error.message).not.toContain('hunter2');
  });
});

describe('when a service starts with a bad configuration', () => {
  it('exits with code 78 and one line on stderr naming each variable', () => {
    const outcome = runTypeScript('service-boot.ts', { PORT: 'abc' });

    expect(outcome).toEqual({
      exitCode: 78,
      stdout: '',
      stderr:
        'Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc"); ' +
        'INTERNAL_AUTH_SECRET is required; DATABASE_URL is required\n',
    });
  });

  it('starts when the configuration is good', () => {
    const outcome = runTypeScript('service-boot.ts', {
      DATABASE_URL: valid.DATABASE_URL,
      INTERNAL_AUTH_SECRET: valid.INTERNAL_AUTH_SECRET,
    });

    expect(outcome).toEqual({ exitCode: 0, stdout: 'listening on port 3000\n', stderr: '' });
  });
});
