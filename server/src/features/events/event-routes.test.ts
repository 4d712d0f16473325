// The live event stream over a real HTTP server (the harness app served by @hono/node-server),
// read by a raw node:http SSE client: hello, change on every committed change, catch-up on
// reconnect, HEAD, aborted clients, unknown tenants.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, manifest, tenantBody } from '../../test-support/fixtures.ts';
import { createHarness, type Harness } from '../../test-support/harness.ts';
import { connect, json, type SseConnection } from '../../test-support/sse-client.ts';

let h: Harness;
let server: ServerType;
let base: string;
const open: SseConnection[] = [];

const eventsUrl = (tenant = 'acme') => `${base}/v1/tenants/${tenant}/events`;
const revision = () => h.services.cache.snapshot('acme')?.revision ?? -1;
async function listen(options: Parameters<typeof connect>[1] = {}, tenant = 'acme') {
  const c = await connect(eventsUrl(tenant), options);
  open.push(c);
  return c;
}
let pageSize = 10;
const changeInstallation = () =>
  h.call('PUT', '/v1/tenants/acme/installations/acme.clients', {
    version: '1.0.0',
    config: { pageSize: ++pageSize },
  });
const until = async (check: () => boolean, ms = 1000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return check();
};

beforeAll(async () => {
  h = await createHarness();
  await h.call('POST', '/v1/tenants', tenantBody());
  await h.call('POST', '/v1/tenants', tenantBody('globex', 'Globex'));
  await h.call('POST', '/v1/modules/acme.clients/releases', { manifest: manifest(), files: files() });
  expect((await changeInstallation()).status).toBe(200);
  server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const c of open) c.close();
  h?.services.hub.close();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  await h?.close();
});

describe('GET /v1/tenants/{tenant}/events', () => {
  it('opens with the SSE headers, a retry hint and hello carrying the current revision', async () => {
    const c = await listen();
    expect(c.status).toBe(200);
    expect(c.headers['content-type']).toBe('text/event-stream');
    expect(c.headers['cache-control']).toBe('no-cache, no-transform');
    expect(c.headers['x-accel-buffering']).toBe('no');
    const hello = await c.waitFor((e) => e.event === 'hello');
    expect(hello.retry).toBe(2000);
    expect(hello.id).toBe(String(revision()));
    expect(json(hello)).toEqual({ tenant: 'acme', revision: revision() });
    c.close();
  });

  it('pushes a change with a higher revision within a second of a PUT installation or PATCH tenant', async () => {
    const c = await listen();
    const hello = await c.waitFor((e) => e.event === 'hello');
    const start = performance.now();
    expect((await changeInstallation()).status).toBe(200);
    const change = await c.waitFor((e) => e.event === 'change', 1000);
    expect(change.at - start).toBeLessThan(1000);
    expect(Number(change.id)).toBeGreaterThan(Number(hello.id));
    expect(json(change)).toEqual({ tenant: 'acme', revision: Number(change.id), reason: 'installation' });

    expect((await h.call('PATCH', '/v1/tenants/acme', { name: 'Acme Renamed' })).status).toBe(200);
    const renamed = await c.waitFor((e) => e.event === 'change' && Number(e.id) > Number(change.id), 1000);
    expect(json(renamed)).toMatchObject({ tenant: 'acme', revision: revision(), reason: 'tenant' });
    c.close();
  });

  it('sends only the tenant its own changes', async () => {
    const other = await listen({}, 'globex');
    const mine = await listen();
    await changeInstallation();
    await mine.waitFor((e) => e.event === 'change');
    await new Promise((r) => setTimeout(r, 50));
    expect(other.events.map((e) => e.event)).toEqual(['hello']);
    other.close();
    mine.close();
  });

  it('sends a reconnecting client with an older Last-Event-ID the current revision at once', async () => {
    const current = revision();
    const behind = await listen({ lastEventId: current - 2 });
    const change = await behind.waitFor((e) => e.event === 'change', 500);
    expect(Number(change.id)).toBe(current);
    expect(behind.events.map((e) => e.event)).toEqual(['hello', 'change']);

    const upToDate = await listen({ lastEventId: current });
    await upToDate.waitFor((e) => e.event === 'hello');
    await new Promise((r) => setTimeout(r, 50));
    expect(upToDate.events.map((e) => e.event)).toEqual(['hello']);
    behind.close();
    upToDate.close();
  });

  it('answers HEAD with 200 and the SSE headers at once, and leaves no subscriber behind', async () => {
    expect(await until(() => h.services.hub.subscribers() === 0)).toBe(true);
    const start = performance.now();
    const res = await new Promise<{ status?: number; type?: string }>((resolve, reject) => {
      const req = request(eventsUrl(), { method: 'HEAD', agent: false }, (r) => {
        r.resume();
        r.on('end', () => resolve({ status: r.statusCode, type: r.headers['content-type'] }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(res).toEqual({ status: 200, type: 'text/event-stream' });
    expect(performance.now() - start).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.services.hub.subscribers()).toBe(0);
  });

  it('removes an aborted connection, and later broadcasts still reach the others', async () => {
    expect(await until(() => h.services.hub.subscribers('acme') === 0)).toBe(true);
    const base0 = 0;
    const staying = await listen();
    const leaving = await listen();
    await leaving.waitFor((e) => e.event === 'hello');
    expect(h.services.hub.subscribers('acme')).toBe(base0 + 2);
    leaving.close();
    expect(await until(() => h.services.hub.subscribers('acme') === base0 + 1)).toBe(true);
    await changeInstallation();
    const change = await staying.waitFor((e) => e.event === 'change', 1000);
    expect(Number(change.id)).toBe(revision());
    staying.close();
    expect(await until(() => h.services.hub.subscribers('acme') === base0)).toBe(true);
  });

  it('answers an unknown tenant with 404 TENANT_NOT_FOUND and a malformed id with 400', async () => {
    const unknown = await h.call('GET', '/v1/tenants/nobody/events', undefined, { token: null });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('TENANT_NOT_FOUND');
    const c = await listen({}, 'nobody');
    expect(c.status).toBe(404);
    const bad = await h.call('GET', '/v1/tenants/Not_A_Tenant/events', undefined, { token: null });
    expect(bad.status).toBe(400);
  });
});
