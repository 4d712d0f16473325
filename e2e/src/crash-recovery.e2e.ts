// A server killed (SIGKILL) in the middle of a rollout comes back consistent and carries on:
// every step is one transaction, and the schedule lives in the database.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, publishFromFile } from './api.ts';
import { type RunningServer, repoRoot, startServer } from './server-process.ts';
import { variantOf } from './variant-build.ts';

const MODULE = 'plugboard.faulty';
const rolloutPath = `/v1/tenants/acme/installations/${MODULE}/rollout`;
let server: RunningServer;
let pumping = true;

/** Healthy shells keep reporting, so the rollout always has reason to advance. */
async function pump() {
  while (pumping) {
    await fetch(`${server.url}/v1/telemetry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenant: 'acme',
        events: Array.from({ length: 5 }, () => ({ module: MODULE, version: '1.1.0', outcome: 'loaded' })),
      }),
    }).catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function expectConsistent() {
  const view = await api(server, 'GET', rolloutPath);
  const { rollout, history } = view;
  const installation = await api(server, 'GET', `/v1/tenants/acme/installations/${MODULE}`);
  const [snapshot] = (await api(server, 'GET', '/v1/tenants/acme/snapshots?limit=1')).snapshots;
  const served = snapshot.releases.find((r: { moduleId: string }) => r.moduleId === MODULE);
  const last = history.at(-1);
  if (rollout.status === 'completed') {
    expect(installation).toMatchObject({ version: '1.1.0', candidateVersion: null, percentage: 0 });
    expect(last.action).toBe('promote');
  } else {
    expect(rollout.status).toBe('running');
    expect(installation).toMatchObject({
      version: '1.0.0',
      candidateVersion: '1.1.0',
      percentage: rollout.percentage,
    });
    expect(last.percentage).toBe(rollout.percentage);
    expect(rollout.percentage).toBe(rollout.steps[rollout.stepIndex]);
  }
  expect(served).toMatchObject({ version: installation.version, percentage: installation.percentage });
  const percentages = history
    .filter((e: { action: string }) => e.action !== 'promote')
    .map((e: { percentage: number }) => e.percentage);
  expect(percentages).toEqual([...percentages].sort((a: number, b: number) => a - b));
  const audit = await api(server, 'GET', `/v1/audit?tenant=acme&module=${MODULE}&limit=500`);
  const audited = audit.entries.filter((e: { action: string }) => e.action === 'rollout.advance').length;
  expect(audited).toBe(history.filter((e: { action: string }) => e.action === 'advance').length);
  return rollout;
}

beforeAll(async () => {
  server = await startServer({ PLUGBOARD_WATCH: '0' });
  const manifest = join(repoRoot, 'remotes/faulty/manifest.yaml');
  const dist = join(repoRoot, 'remotes/faulty/dist');
  await publishFromFile(server, manifest, dist);
  await publishFromFile(
    server,
    manifest,
    variantOf(dist, 'faulty module rendered fine', 'faulty module, next release'),
    {
      version: '1.1.0',
    },
  );
  await api(server, 'PUT', `/v1/tenants/acme/installations/${MODULE}`, { version: '1.0.0' });
});
afterAll(async () => {
  pumping = false;
  await server?.stop();
});

describe('a server killed mid-rollout', () => {
  it('restarts consistent, three times over, and the rollout carries on to completion', async () => {
    await api(server, 'POST', rolloutPath, {
      version: '1.1.0',
      steps: [5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
      interval: 1,
      health: { maxErrorRate: 0.5, minSamples: 1 },
    });
    const pumpDone = pump();
    let seen = 0;
    for (let kill = 0; kill < 3; kill++) {
      // Let it take a step or two, then kill it wherever it is.
      await expect
        .poll(async () => (await api(server, 'GET', rolloutPath)).rollout.percentage, { timeout: 20_000 })
        .toBeGreaterThan(seen);
      await new Promise((r) => setTimeout(r, 300 + kill * 170));
      const { dataDir } = server;
      const port = Number(new URL(server.url).port);
      await server.kill('SIGKILL');
      server = await startServer({ PLUGBOARD_WATCH: '0' }, { dataDir, port });
      const rollout = await expectConsistent();
      expect(rollout.percentage).toBeGreaterThanOrEqual(seen);
      seen = rollout.percentage;
      if (rollout.status === 'completed') break;
    }
    await expect
      .poll(async () => (await api(server, 'GET', rolloutPath)).rollout.status, { timeout: 40_000 })
      .toBe('completed');
    await expectConsistent();
    pumping = false;
    await pumpDone;
    const resolved = await (await fetch(`${server.url}/v1/tenants/acme/manifest?user=anyone`)).json();
    expect(resolved.modules.find((m: { id: string }) => m.id === MODULE).version).toBe('1.1.0');
  });
});
