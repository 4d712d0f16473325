// Opens the database: embedded PGlite in a data folder by default, PostgreSQL when a URL is given.
// Both run the same drizzle migrations and expose the same drizzle API.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * LISTEN on `channel` until the returned function is called (or close()). With PostgreSQL a
   * dedicated connection, re-established by postgres.js after a drop. With PGlite it does nothing:
   * a PGlite data folder has one process, so one instance, and changes are announced in-process.
   */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** NOTIFY `channel` with `payload`; with PGlite nothing (see listen). */
  notify?(channel: string, payload: string): Promise<void>;
};

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export type OpenOptions = { databaseUrl?: string; dataDir?: string; migrate?: boolean };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(options.dataDir);
  if (options.migrate !== false) await migrateDatabase(database);
  return database;
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? await PGlite.create({ dataDir }) : await PGlite.create();
  return wrapPglite(client, drizzle);
}

/** Wraps an open PGlite client (tests load a pre-migrated dump into one). */
export function wrapPglite(
  client: import('@electric-sql/pglite').PGlite,
  drizzle: typeof import('drizzle-orm/pglite').drizzle,
): Database {
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    close: () => client.close(),
    listen: async () => async () => {},
    notify: async () => {},
  };
}

async function openPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    // Also ends the listen connection, so the process can exit.
    close: () => client.end({ timeout: 5 }),
    async listen(channel, onPayload) {
      const { unlisten } = await client.listen(channel, onPayload);
      return async () => {
        await unlisten();
      };
    },
    async notify(channel, payload) {
      await client.notify(channel, payload);
    },
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type
    await migrate(database.db as any, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type
    await migrate(database.db as any, { migrationsFolder });
  }
}
