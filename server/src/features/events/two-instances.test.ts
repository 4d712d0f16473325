// Two Plugboard instances over one PostgreSQL database, each with its own services, app and port:
// a change made through one reaches the other's event streams through LISTEN/NOTIFY.
// PostgreSQL only (PGlite is one instance): skipped unless PLUGBOARD_TEST_DATABASE_URL is set.
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { type Database, openDatabase } from '../../db/database.ts';
import { createServices, type Services } from '../../services.ts';
import { files, manifest, tenantBody } from '../../test-support/fixtures.ts';
import { TOKEN } from '../../test-support/harness.ts';
import { connect, json, type SseConnection } from '../../test-support/sse-client.ts';
import { openTestDatabase, type TestDatabase } from '../../test-support/test-database.ts';

type Instance = { database: Database; services: Services; server: ServerType; url: string };

async function startInstance(database: Database): Promise<Instance> {
  const services = await createServices(database);
  const app = createApp(services, { adminToken: TOKEN, log: () => {} });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  return { database, services, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function stopInstance(i: Instance | undefined) {
  if (!i) return;
  i.services.hub.close();
  await new Promise((r) => i.server.close(r));
  await i.database.close();
}

const call = (i: Instance, method: string, path: string, body: unknown) =>
  fetch(`${i.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe.skipIf(!process.env.PLUGBOARD_TEST_DATABASE_URL)('two instances on one PostgreSQL database', () => {
  let shared: TestDatabase;
  let a: Instance;
  let b: Instance;
  const clients: SseConnection[] = [];

  beforeAll(async () => {
    shared = await openTestDatabase();
    if (!shared.url) throw new Error('the PostgreSQL test database has no url');
    a = await startInstance(shared);
    b = await startInstance(await openDatabase({ databaseUrl: shared.url, migrate: false }));
    expect((await call(a, 'POST', '/v1/tenants', tenantBody())).status).toBe(201);
    const release = { manifest: manifest(), files: files() };
    expect((await call(a, 'POST', '/v1/modules/acme.clients/releases', release)).status).toBe(201);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await stopInstance(b);
    await stopInstance(a); // drops the test database last
  });

  it('B learns of a tenant created through A', async () => {
    expect(await until(() => b.services.cache.snapshot('acme') !== null)).toBe(true);
    expect(b.services.cache.snapshot('acme')?.revision).toBe(a.services.cache.snapshot('acme')?.revision);
  });

  it('a change through A reaches an event stream on B within a second, once on each instance', async () => {
    const onB = await connect(`${b.url}/v1/tenants/acme/events`);
    const onA = await connect(`${a.url}/v1/tenants/acme/events`);
    clients.push(onA, onB);
    const hello = await onB.waitFor((e) => e.event === 'hello');
    const start = performance.now();
    const put = await call(a, 'PUT', '/v1/tenants/acme/installations/acme.clients', {
      version: '1.0.0',
      config: { pageSize: 42 },
    });
    expect(put.status).toBe(200);
    const change = await onB.waitFor((e) => e.event === 'change', 1000);
    expect(change.at - start).toBeLessThan(1000);
    expect(Number(change.id)).toBeGreaterThan(Number(hello.id));
    expect(json(change)).toMatchObject({ tenant: 'acme', reason: 'installation' });
    expect(Number(change.id)).toBe(a.services.cache.snapshot('acme')?.revision);
    // A hears its own NOTIFY too; the dedupe keeps that from becoming a second event.
    await onA.waitFor((e) => e.event === 'change', 1000);
    await new Promise((r) => setTimeout(r, 200));
    expect(onA.events.filter((e) => e.event === 'change')).toHaveLength(1);
    expect(onB.events.filter((e) => e.event === 'change')).toHaveLength(1);
  });

  it('a change through B reaches A as well', async () => {
    const onA = await connect(`${a.url}/v1/tenants/acme/events`);
    clients.push(onA);
    await onA.waitFor((e) => e.event === 'hello');
    expect((await call(b, 'PATCH', '/v1/tenants/acme', { name: 'Acme via B' })).status).toBe(200);
    const change = await onA.waitFor((e) => e.event === 'change', 1000);
    expect(json(change)).toMatchObject({ tenant: 'acme', reason: 'tenant' });
  });
});
