import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, manifest, tenantBody } from '../../test-support/fixtures.ts';
import { createHarness, type Harness } from '../../test-support/harness.ts';

const source = 'export const init = () => {};';
const integrity = `sha384-${createHash('sha384').update(source).digest('base64')}`;
let served: string | null = source;
let h: Harness;

beforeAll(async () => {
  h = await createHarness({
    fetcher: async () => {
      if (served === null) throw new Error('connection refused');
      return new TextEncoder().encode(served);
    },
  });
  await h.call('POST', '/v1/tenants', tenantBody());
  const hosted = (version: string) =>
    manifest({
      id: 'acme.hosted',
      version,
      remote: {
        name: 'acme_hosted',
        entry: `https://cdn.example.com/hosted/${version}/remoteEntry.js`,
        integrity,
      },
    });
  await h.call('POST', '/v1/modules/acme.hosted/releases', { manifest: hosted('1.0.0') });
  await h.call('POST', '/v1/modules/acme.hosted/releases', { manifest: hosted('2.0.0') });
  await h.call('POST', '/v1/modules/acme.local/releases', {
    manifest: manifest({ id: 'acme.local' }),
    files: files(),
  });
});
afterAll(async () => {
  await h?.close();
});

describe('the validation gate (fail closed)', () => {
  it('refuses a release whose remote entry cannot be fetched, and serves nothing', async () => {
    served = null;
    const before = await h.fingerprint();
    for (const [method, path, body] of [
      ['PUT', '/v1/tenants/acme/installations/acme.hosted', { version: '1.0.0' }],
      ['POST', '/v1/tenants/acme/installations/acme.hosted/rollout', { version: '1.0.0' }],
    ] as const) {
      const res = await h.call(method, path, body);
      expect(res.status).toBe(409);
      const err = (await res.json()).error;
      expect(err.code).toBe('RELEASE_NOT_SERVABLE');
      expect(err.field).toBe('remote.entry');
      expect(err.message).toContain('could not be fetched');
    }
    expect(await h.fingerprint()).toBe(before);
    expect(h.resolved('acme', 'anyone').modules).toEqual([]);
  });

  it('refuses a remote entry whose content does not match its integrity', async () => {
    served = 'export const init = () => { steal(); };';
    const res = await h.call('PUT', '/v1/tenants/acme/installations/acme.hosted', { version: '1.0.0' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain('does not match its integrity');
  });

  it('serves it once the entry is reachable and matches', async () => {
    served = source;
    expect(
      (await h.call('PUT', '/v1/tenants/acme/installations/acme.hosted', { version: '1.0.0' })).status,
    ).toBe(200);
    expect(
      (await h.call('PUT', '/v1/tenants/acme/installations/acme.local', { version: '1.0.0' })).status,
    ).toBe(200);
    expect(h.resolved('acme', 'anyone').modules.map((m: { id: string }) => m.id)).toEqual([
      'acme.hosted',
      'acme.local',
    ]);
  });

  it('fetches again only when a release is newly served, not for a configuration change', async () => {
    served = null;
    const res = await h.call('PUT', '/v1/tenants/acme/installations/acme.hosted', {
      version: '1.0.0',
      config: { pageSize: 50 },
    });
    expect(res.status).toBe(200);
    const upgrade = await h.call('PUT', '/v1/tenants/acme/installations/acme.hosted', { version: '2.0.0' });
    expect(upgrade.status).toBe(409);
  });
});
