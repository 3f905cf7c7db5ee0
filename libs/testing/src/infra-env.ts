/** A URL the test run needs, from the environment deploy/test/load-infra-env.js filled. */
export function infraUrl(name: 'POSTGRES_URL' | 'REDIS_URL' | 'KAFKA_BROKERS'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run \`npm run infra -- up\` first`);
  return value;
}
