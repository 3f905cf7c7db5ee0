import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// The WebAssembly schema engine ("js") needs no native binary download; allowExitOnIdle lets
// the CLI exit as soon as it is done instead of waiting out the pool's idle timeout.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL, idleTimeoutMillis: 200 }),
});
