import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, manifest, tenantBody } from '../../test-support/fixtures.ts';
import { createHarness, type Harness } from '../../test-support/harness.ts';

let h: Harness;
const put = (moduleId: string, body: unknown, tenant = 'acme') =>
  h.call('PUT', `/v1/tenants/${tenant}/installations/${moduleId}`, body);

beforeAll(async () => {
  h = await createHarness();
  await h.call('POST', '/v1/tenants', tenantBody());
  const publish = async (m: ReturnType<typeof manifest>) => {
    const res = await h.call('POST', `/v1/modules/${m.id}/releases`, {
      manifest: m,
      files: files(`export const v = "${m.id}@${m.version}";`),
    });
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
  };
  await publish(manifest({ id: 'acme.clients' }));
  await publish(manifest({ id: 'acme.clients', version: '2.0.0' }));
  await publish(manifest({ id: 'acme.reports', requires: { modules: { 'acme.clients': '^1.0.0' } } }));
  await publish(manifest({ id: 'acme.legacy', conflicts: { 'acme.clients': '>=1.0.0' } }));
  await publish(manifest({ id: 'acme.future', requires: { shell: '^2.0.0', shared: { react: '^18.0.0' } } }));
});
afterAll(async () => {
  await h?.close();
});

describe('installing modules for a tenant', () => {
  it('refuses a module whose dependency is missing, listing every reason, and stores nothing', async () => {
    const before = await h.fingerprint();
    const res = await put('acme.reports', { version: '1.0.0' });
    expect(res.status).toBe(409);
    const err = (await res.json()).error;
    expect(err.code).toBe('INCOMPATIBLE');
    expect(err.issues.map((i: { path: string }) => i.path)).toEqual(['requires.modules.acme.clients']);
    expect(err.message).toContain('acme.clients');
    expect(await h.fingerprint()).toBe(before);
  });

  it('refuses shell and shared-singleton ranges the shell does not satisfy', async () => {
    const res = await put('acme.future', { version: '1.0.0' });
    expect(res.status).toBe(409);
    const paths = (await res.json()).error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['requires.shared.react', 'requires.shell']);
  });

  it('installs with configuration, then the dependent module', async () => {
    const res = await put('acme.clients', { version: '1.0.0', config: { pageSize: 20 } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      moduleId: 'acme.clients',
      version: '1.0.0',
      enabled: true,
      config: { pageSize: 20 },
    });
    expect((await put('acme.reports', { version: '1.0.0' })).status).toBe(200);
    const list = await (await h.call('GET', '/v1/tenants/acme/installations')).json();
    expect(list.installations.map((i: { moduleId: string }) => i.moduleId)).toEqual([
      'acme.clients',
      'acme.reports',
    ]);
  });

  it('refuses a conflicting module', async () => {
    const res = await put('acme.legacy', { version: '1.0.0' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.issues[0].path).toBe('conflicts.acme.clients');
  });

  it('refuses an upgrade that breaks a dependent module', async () => {
    const before = await h.fingerprint();
    const res = await put('acme.clients', { version: '2.0.0' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain('acme.reports');
    expect(await h.fingerprint()).toBe(before);
  });

  it('refuses configuration out of bounds, naming the field', async () => {
    const before = await h.fingerprint();
    const res = await put('acme.clients', { version: '1.0.0', config: { pageSize: 1000 } });
    expect(res.status).toBe(400);
    const err = (await res.json()).error;
    expect(err.code).toBe('INVALID_CONFIG');
    expect(err.field).toBe('config.pageSize');
    const unknown = await put('acme.clients', { version: '1.0.0', config: { colour: 'red' } });
    expect((await unknown.json()).error.field).toBe('config.colour');
    expect(await h.fingerprint()).toBe(before);
  });

  it('answers unknown tenants, modules and versions with 404', async () => {
    const before = await h.fingerprint();
    expect((await (await put('acme.clients', { version: '1.0.0' }, 'nobody')).json()).error.code).toBe(
      'TENANT_NOT_FOUND',
    );
    expect((await (await put('acme.nothing', { version: '1.0.0' })).json()).error.code).toBe(
      'MODULE_NOT_FOUND',
    );
    const missing = await put('acme.clients', { version: '9.0.0' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.field).toBe('version');
    expect(await h.fingerprint()).toBe(before);
  });

  it('refuses bad bodies with the field at fault', async () => {
    const bad = await put('acme.clients', { version: 'one', enabled: 'yes' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues.map((i: { path: string }) => i.path)).toEqual([
      'version',
      'enabled',
    ]);
  });

  it('refuses to disable or remove a module others depend on', async () => {
    expect((await put('acme.clients', { version: '1.0.0', enabled: false })).status).toBe(409);
    expect((await h.call('DELETE', '/v1/tenants/acme/installations/acme.clients')).status).toBe(409);
  });

  it('disables and removes, and records each change in the audit log', async () => {
    expect((await put('acme.reports', { version: '1.0.0', enabled: false })).status).toBe(200);
    expect((await h.call('DELETE', '/v1/tenants/acme/installations/acme.reports')).status).toBe(204);
    expect((await h.call('DELETE', '/v1/tenants/acme/installations/acme.reports')).status).toBe(404);
    const audit = await (await h.call('GET', '/v1/audit?tenant=acme&module=acme.reports')).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual([
      'installation.delete',
      'installation.update',
      'installation.create',
    ]);
    const [deleted, disabled] = audit.entries;
    expect(deleted.actor).toBe('admin');
    expect(deleted.before).toMatchObject({ version: '1.0.0', enabled: false });
    expect(disabled.before).toMatchObject({ enabled: true });
    expect(disabled.after).toMatchObject({ enabled: false });
  });

  it('keeps the audit log for admins only', async () => {
    expect((await h.call('GET', '/v1/audit', undefined, { token: null })).status).toBe(401);
    expect((await h.call('GET', '/v1/audit?limit=0')).status).toBe(400);
  });
});
