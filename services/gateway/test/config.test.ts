import { ConfigError } from '@headliner/platform/config';
import { loadGatewayConfig } from '../src/config';

const strong = {
  DATABASE_URL: 'postgresql://gateway@127.0.0.1:5432/headliner_gateway',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: '9c1f4e7a2b8d3c6f0a5e1d9b7c3a8f2e6d4b0c9a1e7f3d5b8a2c6e0f4d9b1a7c',
  INTERNAL_AUTH_SECRET: 'Zq3vR8mW1xT6yB0nK4pL7sD2fG9hJ5cE+uA/oI=',
  ADMIN_PASSWORD: 'tangerine-otter-48-lantern',
};

function problemsOf(env: Record<string, string>): string {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

describe('when the gateway starts outside local mode', () => {
  it('accepts strong secrets', () => {
    expect(problemsOf(strong)).toBe('');
  });

  it.each([
    ['JWT_SECRET', 'e2e-secret-that-is-at-least-32-characters-long'],
    ['JWT_SECRET', 'x'.repeat(40)],
    ['INTERNAL_AUTH_SECRET', 'test-internal-auth-secret-of-32-characters-or-more'],
    ['ADMIN_PASSWORD', 'headliner-admin'],
    ['ADMIN_PASSWORD', 'short-pw1'],
  ])('refuses a weak %s, naming it and not its value', (name, value) => {
    const problems = problemsOf({ ...strong, [name]: value });

    expect(problems).toContain(`${name} `);
    expect(problems).toContain('HEADLINER_MODE=local');
    expect(problems).not.toContain(value);
  });

  it('accepts the known local secrets in local mode', () => {
    expect(
      problemsOf({ ...strong, HEADLINER_MODE: 'local', ADMIN_PASSWORD: 'headliner-admin' }),
    ).toBe('');
  });
});

describe('when TRUSTED_PROXIES is set', () => {
  it('reads a comma-separated list of addresses, CIDRs and range names', () => {
    const config = loadGatewayConfig({ ...strong, TRUSTED_PROXIES: '10.0.0.0/8, ::1,loopback' });

    expect(config.TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '::1', 'loopback']);
  });

  it('trusts no proxy when unset', () => {
    expect(loadGatewayConfig(strong).TRUSTED_PROXIES).toEqual([]);
  });

  it.each(['10.0.0.0/33', 'proxy.example', '10.0.0.1/8/2'])('refuses %s', (entry) => {
    expect(problemsOf({ ...strong, TRUSTED_PROXIES: entry })).toContain('TRUSTED_PROXIES');
  });
});
