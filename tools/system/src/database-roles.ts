import { databaseUrl, onServer } from '@headliner/testing';
import type { Client } from 'pg';
import { localSecret } from './local-secret';
import { databaseOwners, type DatabaseOwner } from './services';

/**
 * One PostgreSQL role per service, owner of its database and of nothing else, and one read-only
 * role for the reservation service's reconciliation, which reads the wallet's and the
 * catalogue's databases. Their passwords are made once per checkout in .local/secrets.
 */
export const reconcilerRole = 'headliner_reconciler';

/** The databases the reconciler reads (see RECONCILE_* in service-env.ts). */
export const reconciledOwners = ['wallet', 'concert'] as const satisfies readonly DatabaseOwner[];
export type ReconciledOwner = (typeof reconciledOwners)[number];

export function roleOf(owner: DatabaseOwner): string {
  return `headliner_${owner}`;
}

function passwordOf(role: string): string {
  return localSecret(`secrets/postgres-${role}`);
}

/** The URL of a database on the local server, logged in as `role`. */
export function databaseUrlAs(database: string, role: string): string {
  const url = new URL(databaseUrl(database));
  url.username = role;
  url.password = passwordOf(role);
  return url.toString();
}

/** Creates the roles that are missing and sets every role's password to the one in .local. */
export async function ensureDatabaseRoles(): Promise<void> {
  await onServer(async (client) => {
    for (const role of [...databaseOwners.map(roleOf), reconcilerRole]) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const password = client.escapeLiteral(passwordOf(role));
      const verb = rowCount === 0 ? 'CREATE' : 'ALTER';
      await client.query(
        `${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${password}`,
      );
    }
  });
}

/**
 * Gives a service's database to its role: only the role (and the reconciler, for the databases
 * it reads) may connect; every table and type in it belongs to the role, so migrations run as
 * the role can change them. Run as the superuser; again changes nothing.
 */
export async function handDatabaseTo(database: string, owner: DatabaseOwner): Promise<void> {
  const role = roleOf(owner);
  const reconciled = (reconciledOwners as readonly DatabaseOwner[]).includes(owner);
  await onServer(async (client) => {
    await client.query(`ALTER DATABASE "${database}" OWNER TO ${role}`);
    await client.query(`REVOKE ALL ON DATABASE "${database}" FROM PUBLIC`);
    if (reconciled)
      await client.query(`GRANT CONNECT ON DATABASE "${database}" TO ${reconcilerRole}`);
  });
  await onServer(async (client) => {
    await ownEverything(client, role);
    if (reconciled) await letReconcilerRead(client, role);
  }, database);
}

// Tables made by an earlier migration run as the superuser; their sequences follow the table.
async function ownEverything(client: Client, role: string): Promise<void> {
  const { rows } = await client.query<{ statement: string }>(
    `SELECT format('ALTER TABLE public.%I OWNER TO %I', tablename, $1::text) AS statement
       FROM pg_tables WHERE schemaname = 'public' AND tableowner <> $1
     UNION ALL
     SELECT format('ALTER TYPE public.%I OWNER TO %I', t.typname, $1::text)
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype = 'e' AND pg_get_userbyid(t.typowner) <> $1`,
    [role],
  );
  for (const { statement } of rows) await client.query(statement);
}

async function letReconcilerRead(client: Client, role: string): Promise<void> {
  await client.query(`GRANT USAGE ON SCHEMA public TO ${reconcilerRole}`);
  await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reconcilerRole}`);
  await client.query(
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${role} IN SCHEMA public GRANT SELECT ON TABLES TO ${reconcilerRole}`,
  );
}

/** The URLs a system's services connect with: each its own role; the reconciler read-only. */
export function serviceDatabaseUrls(databaseOf: (owner: DatabaseOwner) => string) {
  const owned = Object.fromEntries(
    databaseOwners.map((owner) => [owner, databaseUrlAs(databaseOf(owner), roleOf(owner))]),
  ) as Record<DatabaseOwner, string>;
  const reconciled = Object.fromEntries(
    reconciledOwners.map((owner) => [owner, databaseUrlAs(databaseOf(owner), reconcilerRole)]),
  ) as Record<ReconciledOwner, string>;
  return { owned, reconciled };
}
