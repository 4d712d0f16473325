// Declarative registration while running: files dropped into or changed in the manifests folder
// reach users on their next page load, without a restart.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { type RunningServer, repoRoot, startServer } from './server-process.ts';

let server: RunningServer;
let browser: Browser;
let manifests: string;

/** The copied manifests point at the real build folders. */
function absolutise(file: string) {
  const text = readFileSync(file, 'utf8').replace(
    /artifact: \.\.\/\.\.\/remotes\//g,
    `artifact: ${repoRoot}remotes/`,
  );
  writeFileSync(file, text);
}

beforeAll(async () => {
  manifests = mkdtempSync(join(tmpdir(), 'plugboard-manifests-'));
  cpSync(join(repoRoot, 'manifests'), manifests, { recursive: true });
  absolutise(join(manifests, 'modules/clients.yaml'));
  absolutise(join(manifests, 'modules/analytics.yaml'));
  server = await startServer({ PLUGBOARD_MANIFESTS_DIR: manifests });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(manifests, { recursive: true, force: true });
});

const resolved = async (tenant: string) =>
  (await fetch(`${server.url}/v1/tenants/${tenant}/manifest?user=e2e`)).json();

describe('the manifests folder is watched', () => {
  it('a changed tenant manifest reaches the next page load', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/clients?tenant=globex`);
    await page.locator('[data-testid="clients-list"]').waitFor();
    expect(await page.locator('[data-testid="clients-page-size"]').innerText()).toContain('page size 25');

    const file = join(manifests, 'tenants/globex.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('pageSize: 25', 'pageSize: 7'));
    await expect
      .poll(async () => (await resolved('globex')).modules[0].config.pageSize, { timeout: 10_000 })
      .toBe(7);

    await page.reload();
    await page.locator('[data-testid="clients-list"]').waitFor();
    expect(await page.locator('[data-testid="clients-page-size"]').innerText()).toContain('page size 7');
    await page.close();
  });

  it('a module manifest dropped in is registered, and installable', async () => {
    const faulty = readFileSync(join(repoRoot, 'remotes/faulty/manifest.yaml'), 'utf8').replace(
      'artifact: ./dist',
      `artifact: ${join(repoRoot, 'remotes/faulty/dist')}`,
    );
    writeFileSync(join(manifests, 'modules/faulty.yaml'), faulty);
    await expect
      .poll(async () => (await fetch(`${server.url}/v1/modules/plugboard.faulty/releases/1.0.0`)).status, {
        timeout: 10_000,
      })
      .toBe(200);

    const tenant = join(manifests, 'tenants/globex.yaml');
    writeFileSync(
      tenant,
      `${readFileSync(tenant, 'utf8')}  - module: plugboard.faulty\n    version: 1.0.0\n`,
    );
    await expect
      .poll(async () => (await resolved('globex')).modules.map((m: { id: string }) => m.id), {
        timeout: 10_000,
      })
      .toContain('plugboard.faulty');

    const page = await browser.newPage();
    await page.goto(`${server.url}/faulty/fine?tenant=globex`);
    await page.locator('[data-testid="faulty-fine"]').waitFor();
    await page.close();
  });
});
