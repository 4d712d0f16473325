import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantBody } from '../../test-support/fixtures.ts';
import { createHarness, type Harness } from '../../test-support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('tenants', () => {
  it('creates a tenant, with theme defaults filled in', async () => {
    const res = await h.call('POST', '/v1/tenants', tenantBody());
    expect(res.status).toBe(201);
    const t = await res.json();
    expect(t).toMatchObject({
      id: 'acme',
      name: 'Acme Corp',
      theme: { primary: '#b91c1c', background: '#f8fafc' },
    });
    expect(res.headers.get('etag')).toBeTruthy();
  });

  it('lists tenants publicly with id, name and theme only', async () => {
    const res = await h.call('GET', '/v1/tenants', undefined, { token: null });
    const { tenants } = await res.json();
    expect(tenants.map((t: { id: string }) => t.id)).toEqual(['acme']);
    expect(Object.keys(tenants[0]).sort()).toEqual(['id', 'name', 'theme']);
  });

  it('refuses a duplicate id and bad bodies, changing nothing', async () => {
    const before = await h.fingerprint();
    const dup = await h.call('POST', '/v1/tenants', tenantBody());
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.code).toBe('TENANT_EXISTS');
    const bad = await h.call('POST', '/v1/tenants', {
      id: 'Bad Id!',
      name: '',
      theme: { primary: 'red', logo: 'javascript:alert(1)' },
    });
    expect(bad.status).toBe(400);
    const paths = (await bad.json()).error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'name', 'theme.primary', 'theme.logo']));
    const control = await h.call('POST', '/v1/tenants', { id: 'evil', name: 'a\u0000b' });
    expect((await control.json()).error.field).toBe('name');
    expect(await h.fingerprint()).toBe(before);
  });

  it('creates a tenant once when two requests race for the same id', async () => {
    const create = () => h.call('POST', '/v1/tenants', tenantBody('race', 'Race Inc'));
    const statuses = (await Promise.all([create(), create()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
  });

  it('updates name and theme, and protects against lost updates with If-Match', async () => {
    const read = await h.call('GET', '/v1/tenants/acme');
    const etag = read.headers.get('etag') ?? '';
    const first = await h.call(
      'PATCH',
      '/v1/tenants/acme',
      { name: 'Acme Inc' },
      { headers: { 'if-match': etag } },
    );
    expect(first.status).toBe(200);
    expect((await first.json()).name).toBe('Acme Inc');
    const before = await h.fingerprint();
    const stale = await h.call(
      'PATCH',
      '/v1/tenants/acme',
      { theme: { primary: '#000000' } },
      { headers: { 'if-match': etag } },
    );
    expect(stale.status).toBe(412);
    expect((await stale.json()).error.code).toBe('PRECONDITION_FAILED');
    expect(await h.fingerprint()).toBe(before);
    const themed = await h.call('PATCH', '/v1/tenants/acme', { theme: { primary: '#000000' } });
    expect((await themed.json()).theme).toMatchObject({ primary: '#000000', background: '#f8fafc' });
  });

  it('answers unknown and malformed tenants', async () => {
    expect((await h.call('GET', '/v1/tenants/nobody')).status).toBe(404);
    expect((await h.call('PATCH', '/v1/tenants/nobody', { name: 'x' })).status).toBe(404);
    const bad = await h.call('GET', '/v1/tenants/NOT_VALID');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('tenant');
    expect((await h.call('PATCH', '/v1/tenants/acme', {})).status).toBe(400);
  });

  it('audits creation and changes with before and after', async () => {
    const { entries } = await (await h.call('GET', '/v1/audit?tenant=acme')).json();
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'tenant.update',
      'tenant.update',
      'tenant.create',
    ]);
    expect(entries[1].before.name).toBe('Acme Corp');
    expect(entries[1].after.name).toBe('Acme Inc');
  });
});
