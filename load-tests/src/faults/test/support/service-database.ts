import {
  databaseOf,
  databaseUrlAs,
  handDatabaseTo,
  roleOf,
  type DatabaseOwner,
} from '@headliner/system';
import { createTestDatabase } from '@headliner/testing';
import { Client } from 'pg';

export interface ServiceDatabase {
  /** As the superuser, as System.databaseUrl hands it out. */
  adminUrl: string;
  /** Connected as the service's own role, as the service connects. */
  asService(): Promise<Client>;
  drop(): Promise<void>;
}

/** A fresh copy of a service's migrated database, given to its role as startSystem gives it. */
export async function serviceDatabase(owner: DatabaseOwner): Promise<ServiceDatabase> {
  const database = await createTestDatabase(databaseOf(owner, '_template'));
  await handDatabaseTo(database.name, owner);
  return {
    adminUrl: database.url,
    asService: async () => {
      const client = new Client({ connectionString: databaseUrlAs(database.name, roleOf(owner)) });
      await client.connect();
      return client;
    },
    drop: () => database.drop(),
  };
}
