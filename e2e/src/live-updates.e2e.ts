// Changes pushed to an open shell and applied in place: no reload, unchanged modules keep state.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, publishFromFile } from './api.ts';
import { launchBrowser } from './browser.ts';
import { type RunningServer, repoRoot, startServer } from './server-process.ts';
import { variantOf } from './variant-build.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
const faultyManifest = join(repoRoot, 'remotes/faulty/manifest.yaml');
const faultyDist = join(repoRoot, 'remotes/faulty/dist');
const FINE = 'faulty module rendered fine';

const navLabels = () => page.locator('[data-testid="nav-link"]').allInnerTexts();
/** True while the document loaded at the start of a test is still the one on screen. */
const sameDocument = () => page.evaluate(() => (window as unknown as { __marker?: number }).__marker === 42);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await publishFromFile(server, faultyManifest, faultyDist);
  await publishFromFile(server, faultyManifest, variantOf(faultyDist, FINE, `${FINE}, second build`), {
    version: '1.1.0',
  });
  await publishFromFile(server, faultyManifest, variantOf(faultyDist, FINE, `${FINE}, third build`), {
    version: '1.2.0',
  });
  page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/clients?tenant=acme`);
  await page.locator('[data-testid="clients-list"]').waitFor();
  await page.evaluate(() => {
    (window as unknown as { __marker: number }).__marker = 42;
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const install = (version: string) =>
  api(server, 'PUT', '/v1/tenants/acme/installations/plugboard.faulty', { version });

describe('live updates in an open shell', () => {
  it('shows a newly installed module’s navigation within a second, without a reload', async () => {
    await page.getByPlaceholder('Search by name').fill('Blue');
    const started = Date.now();
    await install('1.0.0');
    await page.locator('[data-testid="nav-link"]', { hasText: 'Faulty fine' }).waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await sameDocument()).toBe(true);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(await page.getByPlaceholder('Search by name').inputValue()).toBe('Blue');
  });

  it('keeps the state of a module that did not change while another is upgraded', async () => {
    const rows = await page.locator('[data-testid="client-row"]').allInnerTexts();
    await install('1.1.0');
    // Caught up: the page shows the revision the server now serves.
    await expect
      .poll(async () => {
        const served = (await api(server, 'GET', '/v1/tenants/acme/manifest?user=x')).revision;
        const shown = Number(await page.evaluate(() => document.documentElement.dataset.revision));
        return shown === served;
      })
      .toBe(true);
    expect(await page.getByPlaceholder('Search by name').inputValue()).toBe('Blue');
    expect(await page.locator('[data-testid="client-row"]').allInnerTexts()).toEqual(rows);
    expect(await sameDocument()).toBe(true);
  });

  it('swaps an open module to the new release’s code when it is upgraded', async () => {
    await page.locator('[data-testid="nav-link"]', { hasText: 'Faulty fine' }).click();
    await expect
      .poll(() => page.locator('[data-testid="faulty-fine"]').innerText())
      .toContain('second build');
    await install('1.2.0');
    await expect.poll(() => page.locator('[data-testid="faulty-fine"]').innerText()).toContain('third build');
    expect(await page.locator('[data-module="plugboard.faulty"]').getAttribute('data-version')).toBe('1.2.0');
    expect(await sameDocument()).toBe(true);
  });

  it('holds an upgrade while the module defers it, and applies it when released', async () => {
    await page.locator('[data-testid="faulty-fine-input"]').fill('half-written note');
    await page.locator('[data-testid="faulty-fine-defer"]').check();
    await install('1.1.0');
    await page.locator('[data-testid="module-update-pending"]').waitFor();
    expect(await page.locator('[data-testid="faulty-fine"]').innerText()).toContain('third build');
    expect(await page.locator('[data-testid="faulty-fine-input"]').inputValue()).toBe('half-written note');
    await page.locator('[data-testid="faulty-fine-defer"]').uncheck();
    await expect
      .poll(() => page.locator('[data-testid="faulty-fine"]').innerText())
      .toContain('second build');
    expect(await sameDocument()).toBe(true);
  });

  it('removes an uninstalled module and says so on its open page', async () => {
    await api(server, 'DELETE', '/v1/tenants/acme/installations/plugboard.faulty');
    await page.locator('[data-testid="module-removed"]').waitFor();
    await expect.poll(navLabels).not.toContain('Faulty fine');
    expect(await sameDocument()).toBe(true);
  });
});
