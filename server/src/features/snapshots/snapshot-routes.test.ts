import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, manifest, tenantBody } from '../../test-support/fixtures.ts';
import { createHarness, type Harness } from '../../test-support/harness.ts';

let h: Harness;
type Snapshot = {
  id: number;
  reason: string;
  releases: {
    moduleId: string;
    version: string | null;
    percentage: number;
    candidateVersion: string | null;
    config: Record<string, unknown>;
  }[];
};
const list = async (): Promise<Snapshot[]> =>
  (await (await h.call('GET', '/v1/tenants/acme/snapshots')).json()).snapshots;

beforeAll(async () => {
  h = await createHarness();
  await h.call('POST', '/v1/tenants', tenantBody());
  for (const v of ['1.0.0', '2.0.0']) {
    await h.call('POST', '/v1/modules/acme.clients/releases', {
      manifest: manifest({ version: v }),
      files: files(`export const v = "${v}";`),
    });
  }
  await h.call('POST', '/v1/modules/acme.reports/releases', {
    manifest: manifest({ id: 'acme.reports' }),
    files: files(),
  });
});
afterAll(async () => {
  await h?.close();
});

describe('snapshots', () => {
  it('keeps one per change to what the tenant serves, newest first', async () => {
    await h.call('PUT', '/v1/tenants/acme/installations/acme.clients', {
      version: '1.0.0',
      config: { pageSize: 20 },
    });
    await h.call('PUT', '/v1/tenants/acme/installations/acme.reports', { version: '1.0.0' });
    await h.call('POST', '/v1/tenants/acme/installations/acme.clients/rollout', {
      version: '2.0.0',
      steps: [25, 100],
    });
    const snapshots = await list();
    expect(snapshots.map((s) => s.reason)).toEqual([
      'rollout.start acme.clients@2.0.0 25%',
      'installation.create acme.reports@1.0.0',
      'installation.create acme.clients@1.0.0',
    ]);
    const rolling = snapshots[0]?.releases.find((r) => r.moduleId === 'acme.clients');
    expect(rolling).toMatchObject({ version: '1.0.0', candidateVersion: '2.0.0', percentage: 25 });
  });

  it('restores an earlier one in one call: the set, the configuration, and no rollout left running', async () => {
    const first = (await list()).at(-1);
    const res = await h.call('POST', `/v1/tenants/acme/snapshots/${first?.id}/restore`);
    expect(res.status).toBe(200);
    const installs = (await (await h.call('GET', '/v1/tenants/acme/installations')).json()).installations;
    expect(installs).toEqual([
      expect.objectContaining({
        moduleId: 'acme.clients',
        version: '1.0.0',
        candidateVersion: null,
        config: { pageSize: 20 },
      }),
    ]);
    const rollout = await (await h.call('GET', '/v1/tenants/acme/installations/acme.clients/rollout')).json();
    expect(rollout.rollout.status).toBe('aborted');
    expect(
      h
        .resolved('acme', 'anyone')
        .modules.map((m: { id: string; version: string }) => `${m.id}@${m.version}`),
    ).toEqual(['acme.clients@1.0.0']);
    const [newest] = await list();
    expect(newest?.reason).toBe(`snapshot.restore ${first?.id}`);
    const audit = await (await h.call('GET', '/v1/audit?tenant=acme&limit=1')).json();
    expect(audit.entries[0]).toMatchObject({ action: 'snapshot.restore', actor: 'admin' });
  });

  it('brings a candidate back as a paused rollout at its percentage', async () => {
    const rolling = (await list()).find((s) => s.reason.startsWith('rollout.start'));
    await h.call('POST', `/v1/tenants/acme/snapshots/${rolling?.id}/restore`);
    const view = await (await h.call('GET', '/v1/tenants/acme/installations/acme.clients/rollout')).json();
    expect(view.rollout).toMatchObject({ status: 'paused', percentage: 25, toVersion: '2.0.0' });
  });

  it('refuses unknown and malformed snapshot ids, changing nothing', async () => {
    const before = await h.fingerprint();
    expect((await h.call('POST', '/v1/tenants/acme/snapshots/999999/restore')).status).toBe(404);
    const bad = await h.call('POST', '/v1/tenants/acme/snapshots/abc/restore');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('id');
    expect((await h.call('GET', '/v1/tenants/nobody/snapshots')).status).toBe(404);
    expect((await h.call('GET', '/v1/tenants/acme/snapshots', undefined, { token: null })).status).toBe(401);
    expect(await h.fingerprint()).toBe(before);
  });
});
