import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, manifest, tenantBody } from '../../test-support/fixtures.ts';
import { createHarness, type Harness } from '../../test-support/harness.ts';

let h: Harness;
const resolve = (user = 'bob', headers: Record<string, string> = {}) =>
  h.call('GET', `/v1/tenants/acme/manifest?user=${user}`, undefined, { token: null, headers });

beforeAll(async () => {
  h = await createHarness();
  await h.call('POST', '/v1/tenants', tenantBody());
  const m = manifest({
    id: 'acme.clients',
    routes: [
      { path: '/clients', expose: './List', title: 'Clients', permissions: ['clients.read'] },
      { path: '/clients/new', expose: './Create', title: 'New client', permissions: ['clients.write'] },
    ],
    navigation: [
      { label: 'Clients', path: '/clients', order: 10 },
      { label: 'New client', path: '/clients/new', order: 20 },
    ],
  });
  await h.call('POST', '/v1/modules/acme.clients/releases', { manifest: m, files: files() });
  await h.call('PUT', '/v1/tenants/acme/installations/acme.clients', {
    version: '1.0.0',
    config: { pageSize: 25 },
  });
});
afterAll(async () => {
  await h?.close();
});

describe('the resolved manifest', () => {
  it('carries theme, release, entry, integrity, routes, navigation and effective configuration', async () => {
    const res = await resolve('alice');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.tenant).toMatchObject({ id: 'acme', name: 'Acme Corp', theme: { primary: '#b91c1c' } });
    expect(body.modules).toHaveLength(1);
    const [mod] = body.modules;
    expect(mod).toMatchObject({ id: 'acme.clients', version: '1.0.0', config: { pageSize: 25 } });
    expect(mod.remote.entry).toMatch(/^\/artifacts\/[0-9a-f]{64}\/remoteEntry\.js$/);
    expect(mod.remote.integrity).toMatch(/^sha384-/);
    expect(mod.routes.map((r: { path: string }) => r.path)).toEqual(['/clients', '/clients/new']);
  });

  it('leaves out routes and navigation the user lacks permission for', async () => {
    const body = await (await resolve('bob')).json();
    expect(body.modules[0].routes.map((r: { path: string }) => r.path)).toEqual(['/clients']);
    expect(body.modules[0].navigation.map((n: { label: string }) => n.label)).toEqual(['Clients']);
  });

  it('answers If-None-Match with 304, and changes its ETag when the tenant changes', async () => {
    const first = await resolve('bob');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toBeTruthy();
    expect((await resolve('bob', { 'if-none-match': etag })).status).toBe(304);
    await h.call('PUT', '/v1/tenants/acme/installations/acme.clients', {
      version: '1.0.0',
      config: { pageSize: 30 },
    });
    const after = await resolve('bob', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect((await after.json()).modules[0].config.pageSize).toBe(30);
  });

  it('applies schema defaults under the tenant values', async () => {
    await h.call('PUT', '/v1/tenants/acme/installations/acme.clients', { version: '1.0.0', config: {} });
    expect((await (await resolve()).json()).modules[0].config).toEqual({ pageSize: 10 });
  });

  it('drops a disabled module on the next request', async () => {
    await h.call('PUT', '/v1/tenants/acme/installations/acme.clients', { version: '1.0.0', enabled: false });
    expect((await (await resolve()).json()).modules).toEqual([]);
    await h.call('PUT', '/v1/tenants/acme/installations/acme.clients', { version: '1.0.0', enabled: true });
    expect((await (await resolve()).json()).modules).toHaveLength(1);
  });

  it('refuses unknown tenants and hostile user ids', async () => {
    const unknown = await h.call('GET', '/v1/tenants/nobody/manifest?user=bob', undefined, { token: null });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('TENANT_NOT_FOUND');
    const hostile = await resolve(encodeURIComponent('<script>alert(1)</script>'));
    expect(hostile.status).toBe(400);
    expect((await hostile.json()).error.field).toBe('user');
  });

  it('is served from memory: it keeps answering with the database closed', async () => {
    await resolve('carol');
    await h.close();
    for (let i = 0; i < 50; i++) expect((await resolve(`user-${i}`)).status).toBe(200);
  });
});
