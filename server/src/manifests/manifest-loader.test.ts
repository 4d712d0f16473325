import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { manifest } from '../test-support/fixtures.ts';
import { createHarness, type Harness } from '../test-support/harness.ts';
import { loadManifests } from './manifest-loader.ts';

let h: Harness;
let root: string;

function writeModule(
  file: string,
  m: object,
  artifact: Record<string, string> | null,
  dist = 'dist-clients',
) {
  if (artifact) {
    mkdirSync(join(root, dist, 'assets'), { recursive: true });
    for (const [path, text] of Object.entries(artifact)) writeFileSync(join(root, dist, path), text);
  }
  writeFileSync(join(root, 'modules', file), stringify(m));
}

const tenantManifest = (pageSize: number) => ({
  id: 'acme',
  name: 'Acme Corp',
  theme: { primary: '#b91c1c' },
  installations: [
    { module: 'acme.reports', version: '1.0.0' },
    { module: 'acme.clients', version: '1.0.0', config: { pageSize } },
  ],
});

beforeAll(async () => {
  h = await createHarness();
  root = mkdtempSync(join(tmpdir(), 'plugboard-manifests-'));
  mkdirSync(join(root, 'modules'));
  mkdirSync(join(root, 'tenants'));
  writeModule(
    'clients.yaml',
    { ...manifest({ id: 'acme.clients' }), remote: { name: 'acme_clients', artifact: '../dist-clients' } },
    {
      'remoteEntry.js': 'export const init = () => {};',
      'assets/a.js': 'export default 1;',
    },
  );
  writeModule(
    'reports.yaml',
    {
      ...manifest({ id: 'acme.reports', requires: { modules: { 'acme.clients': '^1.0.0' } } }),
      remote: { name: 'acme_reports', artifact: '../dist-reports' },
    },
    { 'remoteEntry.js': 'export const reports = 1;' },
    'dist-reports',
  );
  writeFileSync(join(root, 'tenants', 'acme.yaml'), stringify(tenantManifest(20)));
});
afterAll(async () => {
  await h?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('declarative registration from manifests/', () => {
  it('publishes modules with their artifacts and applies tenant manifests, dependencies first', async () => {
    const report = await loadManifests(h.services, root);
    expect(report.errors).toEqual([]);
    expect(report.published.sort()).toEqual(['acme.clients@1.0.0', 'acme.reports@1.0.0']);
    expect(report.tenants).toEqual(['acme']);
    const resolved = h.resolved('acme', 'anyone');
    expect(resolved.modules.map((m: { id: string }) => m.id)).toEqual(['acme.clients', 'acme.reports']);
    expect(resolved.modules[0].config.pageSize).toBe(20);
  });

  it('changes nothing when loaded again unchanged', async () => {
    const before = await h.fingerprint();
    const report = await loadManifests(h.services, root);
    expect(report).toEqual({
      published: [],
      unchanged: ['acme.clients@1.0.0', 'acme.reports@1.0.0'],
      tenants: [],
      errors: [],
    });
    expect(await h.fingerprint()).toBe(before);
  });

  it('does not re-apply an unchanged tenant file over changes made through the API', async () => {
    await h.call('PUT', '/v1/tenants/acme/installations/acme.clients', {
      version: '1.0.0',
      config: { pageSize: 50 },
    });
    await loadManifests(h.services, root);
    expect(h.resolved('acme', 'x').modules[0].config.pageSize).toBe(50);
  });

  it('re-applies a tenant file whose content changed', async () => {
    writeFileSync(join(root, 'tenants', 'acme.yaml'), stringify(tenantManifest(30)));
    expect((await loadManifests(h.services, root)).tenants).toEqual(['acme']);
    expect(h.resolved('acme', 'x').modules[0].config.pageSize).toBe(30);
  });

  it('registers a new version dropped in while running', async () => {
    writeModule(
      'clients-2.yaml',
      {
        ...manifest({ id: 'acme.clients', version: '1.1.0' }),
        remote: { name: 'acme_clients', artifact: '../dist-clients' },
      },
      null,
    );
    expect((await loadManifests(h.services, root)).published).toEqual(['acme.clients@1.1.0']);
  });

  it('reports malformed manifests, links and missing builds by file, without stopping', async () => {
    writeFileSync(join(root, 'modules', 'broken.yaml'), 'id: Not Valid\nversion: one\n');
    writeFileSync(join(root, 'modules', 'bad-yaml.yaml'), 'id: [unclosed\n');
    mkdirSync(join(root, 'dist-linked'));
    writeFileSync(join(root, 'dist-linked', 'remoteEntry.js'), 'x');
    symlinkSync('/etc/passwd', join(root, 'dist-linked', 'passwd'));
    writeModule(
      'linked.yaml',
      { ...manifest({ id: 'acme.linked' }), remote: { name: 'l', artifact: '../dist-linked' } },
      null,
    );
    writeModule(
      'unbuilt.yaml',
      { ...manifest({ id: 'acme.unbuilt' }), remote: { name: 'u', artifact: '../nowhere' } },
      null,
    );
    const before = await h.fingerprint();
    const report = await loadManifests(h.services, root);
    const byFile = (f: string) => report.errors.find((e) => e.startsWith(`modules/${f}`)) ?? '';
    expect(byFile('broken.yaml')).toContain('manifest.id');
    expect(byFile('bad-yaml.yaml')).not.toBe('');
    expect(byFile('linked.yaml')).toContain('is a link');
    expect(byFile('unbuilt.yaml')).toContain('build the remote first');
    expect(await h.fingerprint()).toBe(before);
  });
});
