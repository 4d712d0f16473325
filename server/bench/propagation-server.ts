// The real Plugboard server for the live-propagation benchmark, in its own process: embedded PGlite
// in the data folder named by argv[2], the real services and app, tenant "live" with one installed
// module. Changes come through the API with the admin token from argv[3]. Reports { port } over
// IPC once it listens, then { published: { revision, at, loopMs, systemMs } } for every broadcast
// (at: epoch ms; the hub writes synchronously, so loopMs is the whole broadcast), and
// answers { gc: true } with a full collection (so RSS readings are not garbage); exits with its parent.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { serve } from '@hono/node-server';
import { createTenantBodySchema, putInstallationBodySchema } from '@plugboard/shared';
import { createApp } from '../src/app.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { createServices } from '../src/services.ts';
import { serveParent } from './children.ts';
import { LIVE_MODULE, LIVE_TENANT } from './propagation-report.ts';

const [dataDir, token] = process.argv.slice(2);

const manifest = {
  id: LIVE_MODULE,
  name: 'Live counter',
  version: '1.0.0',
  description: 'The module whose configuration the propagation benchmark keeps changing',
  remote: { name: 'live_counter', format: 'esm' },
  routes: [{ path: '/counter', expose: './Main', title: 'Counter', permissions: [] }],
  navigation: [{ label: 'Counter', path: '/counter', order: 10 }],
  config: { type: 'object', properties: { step: { type: 'integer', default: 1, minimum: 1 } } },
};

let database: Database | undefined;
let server: ReturnType<typeof serve> | undefined;
let stopping = false;
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
process.on('message', (m: { gc?: boolean }) => {
  if (!m?.gc) return;
  gc();
  gc();
  process.send?.({ gcDone: true });
});

async function main() {
  if (!dataDir || !token) throw new Error('usage: propagation-server.ts <data dir> <admin token>');
  serveParent(() => {
    if (stopping) return;
    stopping = true;
    server?.close();
    (database?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  });
  database = await openDatabase({ dataDir });
  const services = await createServices(database);
  const tenant = createTenantBodySchema.parse({ id: LIVE_TENANT, name: 'Live propagation' });
  await services.tenants.create(tenant, 'bench');
  const entry = new TextEncoder().encode('export const get = () => null; export const init = () => {};');
  await services.releases.publish({
    manifest,
    files: [{ path: 'remoteEntry.js', content: entry }],
    actor: 'bench',
  });
  const body = putInstallationBodySchema.parse({ version: '1.0.0', config: { step: 1 } });
  await services.installations.put(LIVE_TENANT, LIVE_MODULE, body, 'bench');

  // The hub itself is untouched; the benchmark only learns when each broadcast started.
  const publish = services.hub.publish;
  services.hub.publish = (tenantId, revision, reason) => {
    const at = performance.timeOrigin + performance.now();
    const cpu = process.cpuUsage();
    const written = publish(tenantId, revision, reason);
    const { system } = process.cpuUsage(cpu);
    const loopMs = performance.timeOrigin + performance.now() - at;
    if (written !== null)
      process.send?.({ published: { revision, at, written, loopMs, systemMs: system / 1000 } });
    return written;
  };
  const app = createApp(services, { adminToken: token, log: (m) => console.error(m) });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.send?.({ port: info.port });
  });
}

main().catch((err) => {
  console.error(`propagation bench server failed: ${err instanceof Error ? err.stack : err}`);
  process.exit(1);
});
