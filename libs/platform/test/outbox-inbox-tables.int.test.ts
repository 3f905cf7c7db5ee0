import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { onServer } from '@headliner/testing';
import type { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const definition = readFileSync(path.join(__dirname, '../sql/outbox-inbox.sql'), 'utf8');
const outbox = 'outbox_events';
const inbox = 'inbox_events';

/** Each table's columns, indexes and constraints as PostgreSQL reports them once created. */
async function tablesIn(client: Client, tables: string[]) {
  const { rows: columns } = await client.query(
    `SELECT table_name, column_name, data_type, datetime_precision, is_nullable, column_default
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1)
     ORDER BY table_name, ordinal_position`,
    [tables],
  );
  const { rows: indexes } = await client.query(
    `SELECT tablename, indexname, indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename = ANY($1) ORDER BY indexname`,
    [tables],
  );
  const { rows: constraints } = await client.query(
    `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE conrelid::regclass::text = ANY($1) ORDER BY conname`,
    [tables],
  );
  return { columns, indexes, constraints };
}

const inDatabase = <T>(database: string, read: (client: Client) => Promise<T>) =>
  onServer(read, database);

describe('when a service database holds the outbox and inbox', () => {
  const defined = `platform_outbox_inbox_${randomUUID().replaceAll('-', '')}`;
  let platformTests: TestDatabase;

  beforeAll(async () => {
    await onServer((client) => client.query(`CREATE DATABASE ${defined}`));
    await inDatabase(defined, (client) => client.query(definition));
    platformTests = await createTestDatabase();
  });
  afterAll(async () => {
    await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${defined} WITH (FORCE)`));
    await platformTests?.drop();
  });

  // The templates `npm test` migrates from each service's Prisma migrations.
  it.each([
    ['reservation', 'headliner_reservation_template', [outbox, inbox]],
    ['wallet', 'headliner_wallet_template', [outbox, inbox]],
    ['concert', 'headliner_concert_template', [outbox, inbox]],
  ])('%s migrates them exactly as platform defines them', async (_service, template, tables) => {
    const expected = await inDatabase(defined, (client) => tablesIn(client, tables));
    const migrated = await inDatabase(template, (client) => tablesIn(client, [outbox, inbox]));
    expect(migrated).toEqual(expected);
  });

  it('holds the platform’s own test schema to them as well', async () => {
    const name = new URL(platformTests.url).pathname.slice(1);
    const tables = [outbox, inbox];
    const expected = await inDatabase(defined, (client) => tablesIn(client, tables));
    expect(await inDatabase(name, (client) => tablesIn(client, tables))).toEqual(expected);
  });
});
