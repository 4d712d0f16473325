// A candidate that crashes while rendering, rolled out to half the users, is rolled back by the
// server on its own; every user then resolves the stable release and open pages show it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizedBucket } from '@plugboard/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { api, publishFromFile, readDist } from './api.ts';
import { launchBrowser } from './browser.ts';
import { type RunningServer, repoRoot, startServer } from './server-process.ts';

let server: RunningServer;
let browser: Browser;
const MODULE = 'plugboard.faulty';
const users = Array.from({ length: 200 }, (_, i) => `shopper-${i}`);
const inside = users.filter((u) => normalizedBucket(MODULE, u) <= 50);
const outside = users.filter((u) => normalizedBucket(MODULE, u) > 50);
const rollout = `/v1/tenants/globex/installations/${MODULE}/rollout`;

async function openAs(user: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/faulty/fine?tenant=globex&user=${user}`);
  return page;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const manifestFile = join(repoRoot, 'remotes/faulty/manifest.yaml');
  const dist = join(repoRoot, 'remotes/faulty/dist');
  await publishFromFile(server, manifestFile, dist);
  // 2.0.0 is the same code with its page wired to the component that crashes.
  const broken = parse(readFileSync(manifestFile, 'utf8'));
  delete broken.remote.artifact;
  broken.version = '2.0.0';
  broken.routes = broken.routes.map((r: { path: string; expose: string }) =>
    r.path === '/faulty/fine' ? { ...r, expose: './Crash' } : r,
  );
  await api(server, 'POST', `/v1/modules/${MODULE}/releases`, { manifest: broken, files: readDist(dist) });
  await api(server, 'PUT', `/v1/tenants/globex/installations/${MODULE}`, { version: '1.0.0' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('automatic rollback', () => {
  it('rolls a crashing candidate back, and open pages return to the stable release', async () => {
    const started = await api(server, 'POST', rollout, {
      version: '2.0.0',
      steps: [50, 100],
      interval: 3600,
      health: { maxErrorRate: 0.2, minSamples: 20 },
    });
    expect(started.rollout).toMatchObject({ status: 'running', percentage: 50 });

    const victim = await openAs(inside[0] ?? '');
    const error = victim.locator('[data-testid="module-error"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('RENDER_CRASHED');
    const bystander = await openAs(outside[0] ?? '');
    await bystander.locator('[data-testid="faulty-fine"]').waitFor();

    // Many shells report what they saw: the users inside the rollout crash, the others load.
    const events = (version: string, outcome: string, n: number) =>
      Array.from({ length: n }, () => ({ module: MODULE, version, outcome }));
    const res = await fetch(`${server.url}/v1/telemetry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenant: 'globex',
        events: [...events('2.0.0', 'render-crashed', 30), ...events('1.0.0', 'loaded', 30)],
      }),
    });
    expect(res.status).toBe(202);

    await expect
      .poll(async () => (await api(server, 'GET', rollout)).rollout.status, { timeout: 10_000 })
      .toBe('rolled-back');
    const view = await api(server, 'GET', rollout);
    expect(view.rollout.reason).toMatch(/error rate .* exceeds 20\.0%/);

    // The open page of the user who had the candidate shows the stable release, without a reload.
    await victim.locator('[data-testid="faulty-fine"]').waitFor({ timeout: 5000 });
    expect(await victim.locator('[data-module="plugboard.faulty"]').getAttribute('data-version')).toBe(
      '1.0.0',
    );
    expect(await victim.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);

    for (const user of users) {
      const resolved = await (await fetch(`${server.url}/v1/tenants/globex/manifest?user=${user}`)).json();
      expect(resolved.modules.find((m: { id: string }) => m.id === MODULE).version).toBe('1.0.0');
    }
    const audit = await api(server, 'GET', `/v1/audit?tenant=globex&module=${MODULE}&limit=5`);
    expect(audit.entries[0]).toMatchObject({
      action: 'rollout.rollback',
      actor: 'plugboard:rollout-scheduler',
    });
  });
});
