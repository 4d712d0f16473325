// Resolved manifests are served from memory: one snapshot per tenant, refreshed from the
// database after every committed change, and the serialised bytes cached per permission set.
// A request never queries the database.
import { createHash } from 'node:crypto';
import { candidateSelection, permissionsFor, resolveManifest, type TenantSnapshot } from '@plugboard/shared';
import type { Stores } from '../../db/unit-of-work.ts';
import { notFound } from '../../errors.ts';
import type { ChangeListener } from './change-listener.ts';

/** Serialised once, kept as bytes: a request only writes them. */
export type ServedManifest = { body: Uint8Array; etag: string };

type Entry = {
  snapshot: TenantSnapshot;
  bodies: Map<string, ServedManifest>;
  /** Most users have no permissions of their own: their list is worked out once per snapshot. */
  defaultPermissions: string[];
  hasCandidates: boolean;
};

/** Distinct (permission set, candidate selection) pairs per tenant are few; the bound guards against abuse. */
const MAX_BODIES_PER_TENANT = 256;

export async function loadSnapshot(stores: Stores, tenantId: string): Promise<TenantSnapshot | null> {
  const tenant = await stores.tenants.get(tenantId);
  if (!tenant) return null;
  const installations = await stores.installations.list(tenantId);
  const resolvable: TenantSnapshot['installations'] = [];
  const load = async (moduleId: string, version: string | null) => {
    const r = version ? await stores.modules.getRelease(moduleId, version) : null;
    return r ? { manifest: r.manifest, entryUrl: r.entryUrl, integrity: r.integrity } : null;
  };
  for (const i of installations) {
    const candidate = i.candidateVersion ? await load(i.moduleId, i.candidateVersion) : null;
    resolvable.push({
      moduleId: i.moduleId,
      enabled: i.enabled,
      config: i.config,
      release: await load(i.moduleId, i.version),
      candidate: candidate
        ? { release: candidate, percentage: i.percentage, groupId: i.groupId ?? i.moduleId }
        : null,
    });
  }
  return {
    tenant: { id: tenant.id, name: tenant.name, theme: tenant.theme, access: tenant.access },
    revision: tenant.revision,
    installations: resolvable,
  };
}

export function createManifestCache(stores: Stores) {
  const entries = new Map<string, Entry>();
  const refreshing = new Map<string, Promise<void>>();

  async function refresh(tenantId: string): Promise<void> {
    const snapshot = await loadSnapshot(stores, tenantId);
    const current = entries.get(tenantId);
    if (!snapshot) {
      entries.delete(tenantId);
      return;
    }
    // Refreshes of one tenant run one after another, but guard anyway against going backwards.
    if (current && current.snapshot.revision > snapshot.revision) return;
    entries.set(tenantId, {
      snapshot,
      bodies: new Map(),
      defaultPermissions: permissionsFor({ ...snapshot.tenant.access, users: {} }, ''),
      hasCandidates: snapshot.installations.some((i) => i.candidate),
    });
  }

  const listener: ChangeListener = {
    tenantChanged(tenantId) {
      const previous = refreshing.get(tenantId) ?? Promise.resolve();
      const next = previous.then(() => refresh(tenantId));
      refreshing.set(tenantId, next);
      return next.finally(() => {
        if (refreshing.get(tenantId) === next) refreshing.delete(tenantId);
      });
    },
  };

  return {
    listener,

    async loadAll(): Promise<void> {
      for (const t of await stores.tenants.list()) await refresh(t.id);
    },

    snapshot(tenantId: string): TenantSnapshot | null {
      return entries.get(tenantId)?.snapshot ?? null;
    },

    get(tenantId: string, userId: string): ServedManifest {
      const entry = entries.get(tenantId);
      if (!entry) throw notFound('TENANT_NOT_FOUND', `No tenant "${tenantId}"`);
      const { access } = entry.snapshot.tenant;
      const permissions = Object.hasOwn(access.users, userId)
        ? permissionsFor(access, userId)
        : entry.defaultPermissions;
      const selection = entry.hasCandidates ? candidateSelection(entry.snapshot, userId) : [];
      const key = `${permissions.join(',')}|${selection.map((s) => (s ? 1 : 0)).join('')}`;
      let served = entry.bodies.get(key);
      if (!served) {
        const body = Buffer.from(JSON.stringify(resolveManifest(entry.snapshot, permissions, selection)));
        const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
        served = { body, etag };
        if (entry.bodies.size >= MAX_BODIES_PER_TENANT) entry.bodies.clear();
        entry.bodies.set(key, served);
      }
      return served;
    },
  };
}
export type ManifestCache = ReturnType<typeof createManifestCache>;
