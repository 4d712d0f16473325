// Vitest global setup: migrates one PGlite once and dumps it for every test file to load.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../db/database.ts';
import { pgliteDumpPath } from './pglite-dump.ts';

export default async function setup() {
  if (process.env.PLUGBOARD_TEST_DATABASE_URL) return;
  const path = pgliteDumpPath();
  if (existsSync(path)) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const database = await openDatabase({});
  // openDatabase without a data folder gives an in-memory PGlite; reach its client to dump it.
  const client = (database.db as unknown as { $client: InstanceType<typeof PGlite> }).$client;
  const dump = await client.dumpDataDir('none');
  const tmp = `${path}.${process.pid}`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, path);
  await database.close();
}
