// The real Plugboard server for the benchmark, in its own process: embedded PGlite in the data
// folder named by argv[2], the real services and app, seeded through the services with tenant
// "bench" and 20 installed modules. Reports { port, privileged } over IPC; exits with its parent.

import { serve } from '@hono/node-server';
import { createTenantBodySchema, putInstallationBodySchema } from '@plugboard/shared';
import { createApp } from '../src/app.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { createServices } from '../src/services.ts';
import { serveParent } from './children.ts';

const TENANT = 'bench';
const MODULES = 20;
const ACTOR = 'bench';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: plugboard-server.ts <data dir>');
const started = performance.now();
const log = (msg: string) => console.error(`${msg} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

const pad = (i: number) => String(i + 1).padStart(2, '0');

function moduleManifest(i: number) {
  const base = `mod-${pad(i)}`;
  const perm = (p: string) => `${base}.${p}`;
  return {
    id: `bench.${base}`,
    name: `Bench module ${pad(i)}`,
    version: '1.0.0',
    description: `Benchmark module number ${pad(i)}, with three routes and a small config schema`,
    remote: { name: `bench_mod_${pad(i)}`, format: 'esm' },
    routes: [
      { path: `/${base}`, expose: './List', title: `List ${pad(i)}`, permissions: [perm('read')] },
      { path: `/${base}/:id`, expose: './Detail', title: `Detail ${pad(i)}`, permissions: [perm('read')] },
      { path: `/${base}/new`, expose: './Create', title: `Create ${pad(i)}`, permissions: [perm('write')] },
    ],
    navigation: [
      { label: `Module ${pad(i)}`, path: `/${base}`, icon: 'list', order: i * 10 },
      { label: `New ${pad(i)}`, path: `/${base}/new`, section: 'create', order: i * 10 },
    ],
    permissions: [{ id: perm('read') }, { id: perm('write') }],
    config: {
      type: 'object',
      properties: {
        pageSize: { type: 'integer', default: 10, minimum: 5, maximum: 100 },
        title: { type: 'string', default: `Module ${pad(i)}`, maxLength: 80 },
        compact: { type: 'boolean', default: false },
        mode: { type: 'string', enum: ['table', 'cards'], default: 'table' },
      },
    },
  };
}

function artifact(i: number) {
  const entry = `export const get = () => null; export const init = () => {}; // bench module ${i}`;
  return [
    { path: 'remoteEntry.js', content: new TextEncoder().encode(entry) },
    { path: 'assets/chunk.js', content: new TextEncoder().encode(`export default ${i};`) },
  ];
}

let database: Database | undefined;
let server: ReturnType<typeof serve> | undefined;
let stopping = false;
serveParent(() => {
  if (stopping) return;
  stopping = true;
  server?.close();
  (database?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});

async function main() {
  database = await openDatabase({ dataDir });
  log('database open and migrated');
  const services = await createServices(database);
  const allRead = Array.from({ length: MODULES }, (_, i) => `mod-${pad(i)}.read`);
  const privileged = Array.from({ length: 10 }, (_, i) => `admin-${i}`);
  const users: Record<string, string[]> = {};
  for (const [n, u] of privileged.entries()) {
    users[u] =
      n % 2 ? [...allRead, 'mod-01.write', 'mod-02.write'] : allRead.map((p) => p.replace('read', 'write'));
  }
  const tenant = createTenantBodySchema.parse({
    id: TENANT,
    name: 'Benchmark Tenant',
    theme: { primary: '#1d4ed8' },
    access: { defaultPermissions: allRead.slice(0, 15), users },
  });
  await services.tenants.create(tenant, ACTOR);
  for (let i = 0; i < MODULES; i++) {
    await services.releases.publish({ manifest: moduleManifest(i), files: artifact(i), actor: ACTOR });
  }
  log(`published ${MODULES} releases`);
  for (let i = 0; i < MODULES; i++) {
    const config = { pageSize: 10 + i, title: `Tenant view ${pad(i)}`, compact: i % 2 === 0 };
    const body = putInstallationBodySchema.parse({ version: '1.0.0', config });
    await services.installations.put(TENANT, `bench.mod-${pad(i)}`, body, ACTOR);
  }
  log(`installed ${MODULES} modules for tenant "${TENANT}"`);

  const app = createApp(services, { adminToken: `bench-${Math.random()}`, log: (m) => console.error(m) });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.send?.({ port: info.port, privileged });
  });
}

main().catch((err) => {
  console.error(`plugboard bench server failed: ${err instanceof Error ? err.stack : err}`);
  process.exit(1);
});
