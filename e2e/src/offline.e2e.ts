// Server stopped: an open shell keeps working and a reloaded shell boots from its last manifest
// (the service worker in shell/public/sw.js keeps the shell's and the modules' files); when the
// server is back, the open page catches up without a reload.
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.ts';
import { launchBrowser } from './browser.ts';
import { type RunningServer, startServer } from './server-process.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let port: number;
let dataDir: string;
const errors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  port = Number(new URL(server.url).port);
  dataDir = server.dataDir;
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => errors.push(e.message));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const testId = (id: string) => page.locator(`[data-testid="${id}"]`);
const navLink = (label: string) => page.locator('[data-testid="nav-link"]', { hasText: label });
const navLabels = () => testId('nav-link').allInnerTexts();
const showing = () => testId('clients-page-size').innerText();
const search = () => page.getByRole('searchbox', { name: 'Search clients by name' });

/**
 * The shell and module files this page loaded (hashed /assets, content-addressed /artifacts,
 * the shell's root scripts) that the service worker's caches do not hold yet, plus index.html.
 */
function uncachedFiles(): Promise<string[]> {
  return page.evaluate(async () => {
    const files = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter(
        (u) =>
          u.origin === location.origin &&
          (u.pathname.startsWith('/assets/') ||
            u.pathname.startsWith('/artifacts/') ||
            (/^\/[^/]+\.(?:js|css)$/.test(u.pathname) && u.pathname !== '/sw.js')),
      )
      .map((u) => u.pathname);
    const missing: string[] = [];
    for (const path of ['/index.html', ...new Set(files)]) {
      if (!(await caches.match(path))) missing.push(path);
    }
    return missing;
  });
}

describe('working offline', () => {
  it('an open shell keeps working when the server stops', async () => {
    await page.goto(`${server.url}/clients?tenant=acme`);
    await testId('clients-list').waitFor();
    // Analytics visited while online: its code is in the page and in the worker's cache.
    await navLink('Analytics').click();
    await testId('analytics-dashboard').waitFor();
    await navLink('Clients').click();
    await testId('clients-list').waitFor();

    // First visit: the worker takes control, then caches what the page loaded before that.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await expect.poll(uncachedFiles, { timeout: 15_000 }).toEqual([]);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.some((u) => u.includes('/artifacts/'))).toBe(true);

    await search().fill('Partners');
    await expect.poll(showing).toContain('Showing 1–5 of 8');

    await server.stop({ keepDataDir: true });
    await testId('offline-notice').waitFor({ timeout: 6_000 });

    // The clients module still works, with what was typed.
    expect(await search().inputValue()).toBe('Partners');
    await testId('clients-list').getByRole('button', { name: 'Next' }).click();
    await expect.poll(showing).toContain('Showing 6–8 of 8');
    // Navigating inside the shell to a module visited before.
    await navLink('Analytics').click();
    await testId('analytics-dashboard').waitFor();
    expect(await testId('analytics-refresh').innerText()).toContain('120');
    await navLink('Clients').click();
    await testId('clients-list').waitFor();
  });

  it('a reloaded shell boots from its last manifest while the server is down', async () => {
    await page.reload();
    await testId('clients-list').waitFor();
    expect(await testId('tenant-name').innerText()).toBe('Acme Corp');
    expect(await navLabels()).toEqual(['Clients', 'Analytics']);
    await testId('offline-notice').waitFor();
    expect(await showing()).toContain('page size 5');
    // Entries come from the worker's cache and still pass the shell's SRI check.
    const verified = await page.evaluate(async () => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('plugboard.manifest.acme.'));
      const manifest = JSON.parse(localStorage.getItem(key ?? '') ?? 'null') as {
        modules: { remote: { entry: string; integrity: string | null } }[];
      } | null;
      const remotes = (manifest?.modules ?? []).map((m) => m.remote);
      const results: string[] = [];
      for (const { entry, integrity } of remotes) {
        if (!integrity) continue;
        const response = await fetch(entry, { integrity, cache: 'force-cache', credentials: 'same-origin' });
        results.push(`${response.status} ${response.type}`);
      }
      return results;
    });
    expect(verified).toEqual(['200 basic', '200 basic']);
    // The other module's code comes from the cache too, in this fresh page.
    await navLink('Analytics').click();
    await testId('analytics-dashboard').waitFor();
    await navLink('Clients').click();
    await testId('clients-list').waitFor();
    expect(await testId('module-error').count()).toBe(0);
  });

  it('catches up without a reload when the server is back', async () => {
    const revisionBefore = await page.evaluate(() => document.documentElement.dataset.revision);
    server = await startServer({}, { port, dataDir });
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    await api(server, 'PUT', '/v1/tenants/acme/installations/plugboard.clients', {
      version: '1.0.0',
      config: { pageSize: 10 },
    });
    await testId('offline-notice').waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(showing, { timeout: 20_000 }).toContain('page size 10');
    expect(await showing()).toContain('Showing 1–10 of 40');
    expect(await page.evaluate(() => document.documentElement.dataset.revision)).not.toBe(revisionBefore);
    expect(errors).toEqual([]);
  });
});
