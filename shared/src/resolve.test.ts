// Resolution: enabled modules only, permission-filtered routes and navigation, effective
// config, and byte-for-byte deterministic output.
import { describe, expect, it } from 'vitest';
import { normalizedBucket } from './bucket.ts';
import { type ModuleManifestInput, moduleManifestSchema } from './manifest.ts';
import {
  candidateSelection,
  permissionsFor,
  type ResolvableInstallation,
  type ResolvableRelease,
  resolveManifest,
  type TenantSnapshot,
} from './resolve.ts';
import { DEFAULT_THEME, type TenantAccess } from './tenant.ts';

function installation(
  input: Partial<ModuleManifestInput> & { id: string },
  extra: Partial<ResolvableInstallation> & { release?: ResolvableRelease } = {},
): ResolvableInstallation & { release: ResolvableRelease } {
  const manifest = moduleManifestSchema.parse({
    name: input.id,
    version: '1.0.0',
    remote: { name: input.id.replace('.', '_'), artifact: 'dist' },
    ...input,
  });
  return {
    moduleId: manifest.id,
    enabled: true,
    config: {},
    release: {
      manifest,
      entryUrl: `/artifacts/${manifest.id}/${manifest.version}/remoteEntry.js`,
      integrity: null,
    },
    ...extra,
  };
}

const clients = installation({
  id: 'acme.clients',
  version: '2.1.0',
  remote: { name: 'clients', format: 'global', artifact: 'dist' },
  routes: [
    { path: '/clients', expose: './ClientList', title: 'Clients', permissions: ['clients.read'] },
    {
      path: '/clients/new',
      expose: './NewClient',
      title: 'New client',
      permissions: ['clients.read', 'clients.write'],
    },
    { path: '/clients/:id', expose: './ClientDetail', title: 'Client' },
  ],
  navigation: [
    { label: 'New client', path: '/clients/new', section: 'main', order: 20 },
    { label: 'Clients', path: '/clients', icon: 'users', order: 10 },
    { label: 'Archive', path: '/clients/archive', section: 'admin' },
    { label: 'Birthdays', path: '/clients/birthdays', order: 10 },
  ],
  config: {
    type: 'object',
    properties: {
      pageSize: { type: 'integer', minimum: 5, maximum: 100, default: 25 },
      showArchived: { type: 'boolean', default: false },
    },
  },
});

const analytics = installation(
  { id: 'acme.analytics', routes: [{ path: '/analytics', expose: './Dashboard', title: 'Analytics' }] },
  { release: { ...installation({ id: 'acme.analytics' }).release, integrity: 'sha384-abc' } },
);
const disabled = installation({ id: 'acme.billing' }, { enabled: false });

const access: TenantAccess = {
  defaultPermissions: ['clients.read', 'clients.read'],
  users: { alice: ['clients.write', 'clients.read', 'admin.tenant'] },
};

function snapshot(installations: ResolvableInstallation[]): TenantSnapshot {
  return { tenant: { id: 'acme', name: 'Acme', theme: DEFAULT_THEME, access }, revision: 7, installations };
}

describe('permissionsFor', () => {
  it('uses the user’s own list, else the tenant default, sorted and deduplicated', () => {
    expect(permissionsFor(access, 'alice')).toEqual(['admin.tenant', 'clients.read', 'clients.write']);
    expect(permissionsFor(access, 'bob')).toEqual(['clients.read']);
    expect(permissionsFor(access, 'constructor')).toEqual(['clients.read']);
    expect(permissionsFor(access, '__proto__')).toEqual(['clients.read']);
  });
});

describe('resolveManifest', () => {
  it('resolves enabled modules sorted by id, with remote, config and permissions', () => {
    const r = resolveManifest(snapshot([clients, disabled, analytics]), ['clients.read', 'clients.write']);
    expect(r.schema).toBe(1);
    expect(r.tenant).toEqual({ id: 'acme', name: 'Acme', theme: DEFAULT_THEME });
    expect(r.revision).toBe(7);
    expect(r.permissions).toEqual(['clients.read', 'clients.write']);
    expect(r.modules.map((m) => m.id)).toEqual(['acme.analytics', 'acme.clients']);
    const m = r.modules[1];
    expect(m?.remote).toEqual({
      name: 'clients',
      format: 'global',
      entry: '/artifacts/acme.clients/2.1.0/remoteEntry.js',
      integrity: null,
    });
    expect(r.modules[0]?.remote.integrity).toBe('sha384-abc');
    expect(m?.version).toBe('2.1.0');
    expect(m?.isolation).toBe('none');
    expect(m?.config).toEqual({ pageSize: 25, showArchived: false });
    expect(m?.routes.map((x) => x.path)).toEqual(['/clients', '/clients/new', '/clients/:id']);
    expect(m?.routes[0]).toEqual({ path: '/clients', expose: './ClientList', title: 'Clients' });
  });

  it('sorts navigation by section, order, then label', () => {
    const r = resolveManifest(snapshot([clients]), ['clients.read', 'clients.write']);
    expect(r.modules[0]?.navigation).toEqual([
      { label: 'Archive', path: '/clients/archive', section: 'admin', order: 100 },
      { label: 'Birthdays', path: '/clients/birthdays', section: 'main', order: 10 },
      { label: 'Clients', path: '/clients', icon: 'users', section: 'main', order: 10 },
      { label: 'New client', path: '/clients/new', section: 'main', order: 20 },
    ]);
  });

  it('drops routes the user may not open, and their navigation entries', () => {
    const readOnly = resolveManifest(snapshot([clients]), ['clients.read']).modules[0];
    expect(readOnly?.routes.map((x) => x.path)).toEqual(['/clients', '/clients/:id']);
    expect(readOnly?.navigation.map((n) => n.label)).toEqual(['Archive', 'Birthdays', 'Clients']);
    const nobody = resolveManifest(snapshot([clients]), []).modules[0];
    expect(nobody?.routes.map((x) => x.path)).toEqual(['/clients/:id']);
    expect(nobody?.navigation.map((n) => n.label)).toEqual(['Archive', 'Birthdays']);
  });

  it('applies stored configuration, and falls back to defaults when it no longer fits', () => {
    const set = { ...clients, config: { pageSize: 50 } };
    expect(resolveManifest(snapshot([set]), []).modules[0]?.config).toEqual({
      pageSize: 50,
      showArchived: false,
    });
    const stale = { ...clients, config: { pageSize: 5000, removedSetting: true } };
    expect(resolveManifest(snapshot([stale]), []).modules[0]?.config).toEqual({
      pageSize: 25,
      showArchived: false,
    });
  });

  it('does not throw when even the defaults are broken', () => {
    const broken = installation({ id: 'acme.broken' });
    broken.release.manifest.config = {
      type: 'object',
      properties: { n: { type: 'integer', maximum: 1, default: 9 } },
    };
    expect(resolveManifest(snapshot([broken]), []).modules[0]?.config).toEqual({});
  });

  it('is deterministic whatever the order of installations, permissions and theme keys', () => {
    const a = resolveManifest(snapshot([clients, analytics, disabled]), ['clients.write', 'clients.read']);
    const reordered = snapshot([disabled, analytics, clients]);
    const theme = Object.fromEntries(Object.entries(DEFAULT_THEME).reverse()) as typeof DEFAULT_THEME;
    reordered.tenant = { ...reordered.tenant, theme };
    const b = resolveManifest(reordered, ['clients.read', 'clients.write', 'clients.read']);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('does not mutate its input', () => {
    const snap = snapshot([clients, analytics, disabled]);
    const before = JSON.stringify(snap);
    const out = resolveManifest(snap, ['clients.read']);
    expect(JSON.stringify(snap)).toBe(before);
    expect(out.modules[1]?.navigation[0]).not.toBe(clients.release.manifest.navigation[0]);
  });
});

describe('rollouts: candidates chosen by sticky bucket', () => {
  const stable = installation({ id: 'acme.clients' });
  const v2 = installation({ id: 'acme.clients', version: '2.0.0' }).release;
  const rolling = (percentage: number, release: ResolvableRelease | null = stable.release) => ({
    ...stable,
    release,
    candidate: { release: v2, percentage, groupId: 'acme.clients' },
  });

  it('serves the candidate exactly to users whose bucket is within the percentage', () => {
    const snap = snapshot([rolling(30)]);
    for (const user of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']) {
      const selection = candidateSelection(snap, user);
      const expected = normalizedBucket('acme.clients', user) <= 30;
      expect(selection).toEqual([expected]);
      expect(resolveManifest(snap, [], selection).modules[0]?.version).toBe(expected ? '2.0.0' : '1.0.0');
    }
  });

  it('serves nothing outside the percentage when rolling out from nothing', () => {
    const snap = snapshot([rolling(0, null)]);
    expect(candidateSelection(snap, 'anyone')).toEqual([false]);
    expect(resolveManifest(snap, [], [false]).modules).toEqual([]);
    const all = snapshot([rolling(100, null)]);
    expect(resolveManifest(all, [], candidateSelection(all, 'anyone')).modules[0]?.version).toBe('2.0.0');
  });
});
