import { normalizedBucket } from '@plugboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, manifest, tenantBody } from '../../test-support/fixtures.ts';
import { createHarness, type Harness } from '../../test-support/harness.ts';

let h: Harness;
let clock = Date.parse('2026-01-01T00:00:00Z');
const users = Array.from({ length: 400 }, (_, i) => `user-${i}`);
const base = '/v1/tenants/acme/installations/acme.clients/rollout';

const versionFor = async (user: string, moduleId = 'acme.clients') => {
  const body = h.resolved('acme', user);
  return body.modules.find((m: { id: string }) => m.id === moduleId)?.version ?? null;
};
const report = (version: string, outcome: string, count: number, moduleId = 'acme.clients') =>
  h.call(
    'POST',
    '/v1/telemetry',
    { tenant: 'acme', events: Array.from({ length: count }, () => ({ module: moduleId, version, outcome })) },
    { token: null },
  );

beforeAll(async () => {
  h = await createHarness({ now: () => clock });
  await h.call('POST', '/v1/tenants', tenantBody());
  for (const version of ['1.0.0', '2.0.0', '3.0.0']) {
    const m = manifest({ id: 'acme.clients', version });
    await h.call('POST', '/v1/modules/acme.clients/releases', {
      manifest: m,
      files: files(`export const v = "${version}";`),
    });
  }
  await h.call('POST', '/v1/modules/acme.reports/releases', {
    manifest: manifest({ id: 'acme.reports' }),
    files: files(),
  });
  await h.call('PUT', '/v1/tenants/acme/installations/acme.clients', { version: '1.0.0' });
});
afterAll(async () => {
  await h?.close();
});

describe('a gradual rollout, health-gated', () => {
  it('starts at the first step, serving the candidate to exactly the users whose bucket is inside it', async () => {
    const res = await h.call('POST', base, {
      version: '2.0.0',
      steps: [10, 50, 100],
      interval: 60,
      health: { maxErrorRate: 0.2, minSamples: 10 },
    });
    expect(res.status).toBe(201);
    const view = await res.json();
    expect(view.rollout).toMatchObject({
      status: 'running',
      percentage: 10,
      fromVersion: '1.0.0',
      toVersion: '2.0.0',
    });
    for (const user of users) {
      expect(await versionFor(user)).toBe(normalizedBucket('acme.clients', user) <= 10 ? '2.0.0' : '1.0.0');
    }
  });

  it('refuses to set another version while the rollout runs', async () => {
    const res = await h.call('PUT', '/v1/tenants/acme/installations/acme.clients', { version: '3.0.0' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('ROLLOUT_ACTIVE');
    expect((await h.call('POST', base, { version: '3.0.0' })).status).toBe(409);
  });

  it('does not advance before the interval, nor without enough outcomes, and says why', async () => {
    expect(await h.services.scheduler.tick()).toEqual([]);
    clock += 61_000;
    expect(await h.services.scheduler.tick()).toEqual([]);
    const view = await (await h.call('GET', base)).json();
    expect(view.next.action).toBe('wait');
    expect(view.next.reason).toContain('0 of the 10');
  });

  it('advances when the candidate is healthy; users inside keep the candidate', async () => {
    const inside = users.filter((u) => normalizedBucket('acme.clients', u) <= 10);
    expect((await report('2.0.0', 'loaded', 10)).status).toBe(202);
    const results = await h.services.scheduler.tick();
    expect(results.map((r) => r.action)).toEqual(['advance']);
    for (const u of inside) expect(await versionFor(u)).toBe('2.0.0');
    const share =
      (await Promise.all(users.map((u) => versionFor(u)))).filter((v) => v === '2.0.0').length / users.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
  });

  it('pauses and resumes', async () => {
    expect((await (await h.call('POST', `${base}/pause`)).json()).rollout.status).toBe('paused');
    clock += 120_000;
    await report('2.0.0', 'loaded', 20);
    expect(await h.services.scheduler.tick()).toEqual([]);
    expect((await (await h.call('POST', `${base}/resume`)).json()).rollout.status).toBe('running');
  });

  it('rolls back automatically when the error rate crosses the threshold, with the figures audited', async () => {
    const before = (
      await h.call('GET', '/v1/tenants/acme/manifest?user=x', undefined, { token: null })
    ).headers.get('etag');
    clock += 1000;
    await report('2.0.0', 'loaded', 5);
    await report('2.0.0', 'render-crashed', 5);
    const results = await h.services.scheduler.tick();
    expect(results.map((r) => r.action)).toEqual(['rollback']);
    for (const u of users.slice(0, 100)) expect(await versionFor(u)).toBe('1.0.0');
    const view = await (await h.call('GET', base)).json();
    expect(view.rollout.status).toBe('rolled-back');
    expect(view.rollout.reason).toContain('50.0%');
    expect(view.history.map((e: { action: string }) => e.action)).toEqual([
      'start',
      'advance',
      'pause',
      'resume',
      'rollback',
    ]);
    const audit = await (await h.call('GET', '/v1/audit?tenant=acme&module=acme.clients&limit=1')).json();
    expect(audit.entries[0]).toMatchObject({
      action: 'rollout.rollback',
      actor: 'plugboard:rollout-scheduler',
    });
    expect(audit.entries[0].after).toMatchObject({ samples: 10, errorRate: 0.5, maxErrorRate: 0.2 });
    const after = (
      await h.call('GET', '/v1/tenants/acme/manifest?user=x', undefined, { token: null })
    ).headers.get('etag');
    expect(after).not.toBe(before);
  });

  it('goes to 100 by hand and promotes: the candidate becomes stable', async () => {
    expect((await h.call('POST', base, { version: '3.0.0', steps: [5, 100], interval: 0 })).status).toBe(201);
    expect(
      (await (await h.call('POST', `${base}/percentage`, { percentage: 100 })).json()).rollout.percentage,
    ).toBe(100);
    for (const u of users.slice(0, 50)) expect(await versionFor(u)).toBe('3.0.0');
    const promoted = await (await h.call('POST', `${base}/promote`)).json();
    expect(promoted.rollout.status).toBe('completed');
    const inst = await (await h.call('GET', '/v1/tenants/acme/installations/acme.clients')).json();
    expect(inst).toMatchObject({ version: '3.0.0', candidateVersion: null, percentage: 0 });
    expect((await h.call('POST', `${base}/abort`)).status).toBe(409);
  });
});

describe('the health window slides', () => {
  const reports = '/v1/tenants/acme/installations/acme.reports/rollout';
  it('forgets outcomes older than ten minutes, so old successes cannot hide new crashes', async () => {
    await h.call('POST', reports, {
      version: '1.0.0',
      steps: [50, 100],
      interval: 86_400,
      health: { maxErrorRate: 0.2, minSamples: 10 },
    });
    clock += 1000;
    await report('1.0.0', 'loaded', 100, 'acme.reports');
    clock += 11 * 60 * 1000;
    await report('1.0.0', 'render-crashed', 10, 'acme.reports');
    const view = await (await h.call('GET', reports)).json();
    expect(view.health).toMatchObject({ samples: 10, renderCrashed: 10 });
    expect((await h.services.scheduler.tick()).map((r) => r.action)).toEqual(['rollback']);
  });
});

describe('a rollout from nothing', () => {
  const reports = '/v1/tenants/acme/installations/acme.reports/rollout';
  it('serves the module only inside the percentage, and abort removes it entirely', async () => {
    expect((await h.call('POST', reports, { version: '1.0.0', steps: [20, 100] })).status).toBe(201);
    for (const u of users.slice(0, 100)) {
      expect(await versionFor(u, 'acme.reports')).toBe(
        normalizedBucket('acme.reports', u) <= 20 ? '1.0.0' : null,
      );
    }
    await h.call('POST', `${reports}/abort`);
    for (const u of users.slice(0, 100)) expect(await versionFor(u, 'acme.reports')).toBe(null);
    expect((await h.call('GET', '/v1/tenants/acme/installations/acme.reports')).status).toBe(404);
  });

  it('moves modules that share a group together', async () => {
    await h.call('POST', reports, { version: '1.0.0', steps: [30, 100], groupId: 'acme.clients' });
    for (const u of users.slice(0, 100)) {
      expect(await versionFor(u, 'acme.reports')).toBe(
        normalizedBucket('acme.clients', u) <= 30 ? '1.0.0' : null,
      );
    }
    await h.call('POST', `${reports}/abort`);
  });
});

describe('bad rollout requests change nothing', () => {
  it('refuses bad bodies, unknown releases and tenants', async () => {
    const before = await h.fingerprint();
    const bad = await h.call('POST', base, { version: '2.0.0', steps: [50, 10] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('steps');
    expect((await h.call('POST', base, { version: '9.9.9' })).status).toBe(404);
    expect(
      (await h.call('POST', '/v1/tenants/nobody/installations/acme.clients/rollout', { version: '2.0.0' }))
        .status,
    ).toBe(404);
    expect((await h.call('POST', `${base}/percentage`, { percentage: 101 })).status).toBe(400);
    expect((await h.call('POST', `${base}/pause`)).status).toBe(409);
    expect((await h.call('POST', base, { version: '2.0.0' }, { token: null })).status).toBe(401);
    expect(await h.fingerprint()).toBe(before);
  });
});

describe('telemetry', () => {
  it('counts only releases the tenant serves, and refuses user data and unknown fields', async () => {
    const res = await h.call(
      'POST',
      '/v1/telemetry',
      {
        tenant: 'acme',
        events: [
          { module: 'acme.clients', version: '3.0.0', outcome: 'loaded', loadMs: 40 },
          { module: 'acme.clients', version: '9.0.0', outcome: 'render-crashed' },
          { module: 'acme.other', version: '1.0.0', outcome: 'render-crashed' },
        ],
      },
      { token: null },
    );
    expect(res.status).toBe(202);
    expect((await res.json()).counted).toBe(1);
    const withUser = await h.call(
      'POST',
      '/v1/telemetry',
      { tenant: 'acme', user: 'alice', events: [] },
      { token: null },
    );
    expect(withUser.status).toBe(400);
  });
});
