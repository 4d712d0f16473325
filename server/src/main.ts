// Starts Plugboard: database, manifests, API, shell and artifacts on one port.
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { adminToken, readConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { type LoadReport, loadManifests } from './manifests/manifest-loader.ts';
import { watchManifests } from './manifests/manifest-watcher.ts';
import { createServices } from './services.ts';

function printReport(r: LoadReport) {
  if (r.published.length) console.log(`  registered ${r.published.join(', ')}`);
  if (r.tenants.length) console.log(`  applied tenant manifests: ${r.tenants.join(', ')}`);
  for (const e of r.errors) console.error(`  manifest problem: ${e}`);
}

async function main() {
  const config = readConfig();
  const token = adminToken(process.env, config.dataDir);
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
  );
  const services = await createServices(database);
  console.log(
    `Plugboard: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}`,
  );
  printReport(await loadManifests(services, config.manifestsDir));
  const stopWatching = config.watch
    ? watchManifests(config.manifestsDir, async () =>
        printReport(await loadManifests(services, config.manifestsDir)),
      )
    : () => {};

  services.scheduler.start();
  const app = createApp(services, {
    adminToken: token.token,
    shellDist: config.shellDist,
    trustProxy: config.trustProxy,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    console.log(`\nPlugboard is running at http://${host}:${info.port}/`);
    console.log(
      `  demo tenants: http://${host}:${info.port}/?tenant=acme  http://${host}:${info.port}/?tenant=globex`,
    );
    if (token.generated) console.log(`  admin token (shown once, kept in ${token.file}): ${token.token}`);
    else if (!process.env.PLUGBOARD_ADMIN_TOKEN) console.log(`  admin token: in ${token.file}`);
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    stopWatching();
    await services.scheduler.stop();
    services.hub.close();
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`Plugboard could not start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
