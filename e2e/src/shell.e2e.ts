// The shell in a real browser against the real server, shell build and remote builds.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, publishFromFile } from './api.ts';
import { launchBrowser } from './browser.ts';
import { startCdn } from './cdn.ts';
import { type RunningServer, repoRoot, startServer } from './server-process.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${path}`);
  return { page, requests, errors };
}

const navLabels = (page: Page) => page.locator('[data-testid="nav-link"]').allInnerTexts();

describe('the demo tenants', () => {
  it('acme: theme, name, logo and both modules in the navigation', async () => {
    const { page } = await open('/?tenant=acme');
    await expect.poll(() => page.locator('[data-testid="tenant-name"]').innerText()).toBe('Acme Corp');
    expect(await page.locator('[data-testid="tenant-logo"]').getAttribute('src')).toMatch(
      /^data:image\/svg\+xml/,
    );
    const primary = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--pb-primary').trim(),
    );
    expect(primary).toBe('#b91c1c');
    expect(await navLabels(page)).toEqual(['Clients', 'Analytics']);
    await page.context().close();
  });

  it('globex: its own theme and only the clients module', async () => {
    const { page } = await open('/?tenant=globex');
    await expect
      .poll(() => page.locator('[data-testid="tenant-name"]').innerText())
      .toBe('Globex Corporation');
    const primary = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--pb-primary').trim(),
    );
    expect(primary).toBe('#047857');
    expect(await navLabels(page)).toEqual(['Clients']);
    await page.context().close();
  });

  it('remembers the tenant chosen with ?tenant=', async () => {
    const { page } = await open('/?tenant=globex');
    await page.locator('[data-testid="tenant-name"]').waitFor();
    await page.goto(`${server.url}/`);
    await expect
      .poll(() => page.locator('[data-testid="tenant-name"]').innerText())
      .toBe('Globex Corporation');
    await page.context().close();
  });
});

describe('federated modules', () => {
  it('renders the clients module with each tenant’s page size, loading React once', async () => {
    const { page, requests, errors } = await open('/clients?tenant=acme');
    await page.locator('[data-testid="clients-list"]').waitFor();
    expect(await page.locator('[data-testid="clients-page-size"]').innerText()).toContain('page size 5');
    expect(await page.locator('[data-testid="client-row"]').count()).toBe(5);
    // The remote ships a fallback copy of React; the shell's shared copy must win, so no file the
    // page fetched from the remote's artifact may hold React's own source.
    const fromRemote = [...new Set(requests.filter((u) => u.includes('/artifacts/') && u.endsWith('.js')))];
    expect(fromRemote.length).toBeGreaterThan(0);
    for (const url of fromRemote) {
      expect(await (await fetch(url)).text(), url).not.toContain('react.transitional.element');
    }
    const shellReact = requests.filter((u) => new URL(u).pathname.startsWith('/assets/'));
    expect(shellReact.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();

    const globex = await open('/clients?tenant=globex');
    await globex.page.locator('[data-testid="clients-list"]').waitFor();
    expect(await globex.page.locator('[data-testid="clients-page-size"]').innerText()).toContain(
      'page size 25',
    );
    await globex.page.context().close();
  });

  it('renders the analytics module with its configured refresh interval', async () => {
    const { page } = await open('/analytics?tenant=acme');
    await page.locator('[data-testid="analytics-dashboard"]').waitFor();
    expect(await page.locator('[data-testid="analytics-refresh"]').innerText()).toContain('120');
    await page.context().close();
  });

  it('navigates between modules inside the shell', async () => {
    const { page } = await open('/clients?tenant=acme');
    await page.locator('[data-testid="clients-list"]').waitFor();
    await page.locator('[data-testid="nav-link"]', { hasText: 'Analytics' }).click();
    await page.locator('[data-testid="analytics-dashboard"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/analytics');
    await page.context().close();
  });
});

describe('failure isolation and installing through the API', () => {
  beforeAll(async () => {
    await publishFromFile(
      server,
      join(repoRoot, 'remotes/faulty/manifest.yaml'),
      join(repoRoot, 'remotes/faulty/dist'),
    );
    // A remote hosted elsewhere that passes the validation gate, then goes away (a CDN outage).
    const cdn = await startCdn('export const init = () => {}; export const get = () => null;');
    await api(server, 'POST', '/v1/modules/acme.missing/releases', {
      manifest: {
        id: 'acme.missing',
        name: 'Missing module',
        version: '1.0.0',
        remote: { name: 'acme_missing', entry: cdn.url, integrity: cdn.integrity },
        routes: [{ path: '/missing', expose: './Main', title: 'Missing' }],
        navigation: [{ label: 'Missing', path: '/missing', order: 90 }],
      },
    });
    await api(server, 'PUT', '/v1/tenants/acme/installations/acme.missing', { version: '1.0.0' });
    await cdn.close();
  });

  it('a release installed through the API appears on the next load', async () => {
    const { page } = await open('/?tenant=acme');
    await page.locator('[data-testid="nav"]').waitFor();
    expect(await navLabels(page)).not.toContain('Faulty fine');
    await api(server, 'PUT', '/v1/tenants/acme/installations/plugboard.faulty', { version: '1.0.0' });
    await page.reload();
    await expect.poll(() => navLabels(page)).toContain('Faulty fine');
    await page.locator('[data-testid="nav-link"]', { hasText: /fine/i }).click();
    await page.locator('[data-testid="faulty-fine"]').waitFor();
    await page.context().close();
  });

  it('a module that throws while rendering shows an inline error; the rest keeps working', async () => {
    const { page } = await open('/faulty/crash?tenant=acme');
    const error = page.locator('[data-testid="module-error"]');
    await error.waitFor();
    const text = await error.innerText();
    expect(text).toContain('plugboard.faulty');
    expect(text).toContain('1.0.0');
    expect(text).toContain('RENDER_CRASHED');
    expect(text).toContain('faulty module crashed on purpose');
    await page.locator('[data-testid="nav-link"]', { hasText: 'Clients' }).click();
    await page.locator('[data-testid="clients-list"]').waitFor();
    await page.context().close();
  });

  it('a module whose entry is missing shows an inline error; the rest keeps working', async () => {
    const { page } = await open('/missing?tenant=acme');
    const error = page.locator('[data-testid="module-error"]');
    await error.waitFor();
    const text = await error.innerText();
    expect(text).toContain('acme.missing');
    expect(text).toContain('ENTRY_UNREACHABLE');
    expect(await page.locator('[data-testid="tenant-name"]').innerText()).toBe('Acme Corp');
    await page.locator('[data-testid="nav-link"]', { hasText: 'Analytics' }).click();
    await page.locator('[data-testid="analytics-dashboard"]').waitFor();
    await page.context().close();
  });

  it('a module that throws on import shows an inline error', async () => {
    const { page } = await open('/faulty/import?tenant=acme');
    const error = page.locator('[data-testid="module-error"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('LOAD_FAILED');
    await page.context().close();
  });

  it('disabling a module removes it on the next load', async () => {
    await api(server, 'PUT', '/v1/tenants/acme/installations/acme.missing', {
      version: '1.0.0',
      enabled: false,
    });
    const { page } = await open('/?tenant=acme');
    await page.locator('[data-testid="nav"]').waitFor();
    await expect.poll(() => navLabels(page)).not.toContain('Missing');
    await page.context().close();
  });
});
