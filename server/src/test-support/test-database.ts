// A fresh, migrated database per test file: PGlite loaded from a dump made once per run
// (creating and migrating PGlite costs seconds), or a new PostgreSQL database when
// PLUGBOARD_TEST_DATABASE_URL names a server.

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { type Database, openDatabase, wrapPglite } from '../db/database.ts';
import { pgliteDumpPath } from './pglite-dump.ts';

/** `url` is set for PostgreSQL, so a test can open a second connection to the same database. */
export type TestDatabase = Database & { url?: string };

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.PLUGBOARD_TEST_DATABASE_URL;
  if (serverUrl) return openPostgresTestDatabase(serverUrl);
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dump = pgliteDumpPath();
  if (!existsSync(dump))
    throw new Error(`no PGlite dump at ${dump}: run the tests through vitest (its global setup makes it)`);
  const client = await PGlite.create({ loadDataDir: new Blob([readFileSync(dump)]) });
  return wrapPglite(client, drizzle);
}

async function openPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const { default: postgres } = await import('postgres');
  const name = `plugboard_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}
