// Resolved manifests are served from memory: one snapshot per tenant, refreshed from the
// database after every committed change, and the serialised bytes cached per permission set.
// A request never queries the database.
import { createHash } from 'node:crypto';
import { permissionsFor, resolveManifest, type TenantSnapshot } from '@plugboard/shared';
import type { Stores } from '../../db/unit-of-work.ts';
import { notFound } from '../../errors.ts';
import type { ChangeListener } from './change-listener.ts';

export type ServedManifest = { body: string; etag: string };

type Entry = { snapshot: TenantSnapshot; bodies: Map<string, ServedManifest> };

/** Distinct permission sets per tenant are few; the bound only guards against abuse. */
const MAX_BODIES_PER_TENANT = 256;

export async function loadSnapshot(stores: Stores, tenantId: string): Promise<TenantSnapshot | null> {
  const tenant = await stores.tenants.get(tenantId);
  if (!tenant) return null;
  const installations = await stores.installations.list(tenantId);
  const resolvable: TenantSnapshot['installations'] = [];
  for (const i of installations) {
    const release = await stores.modules.getRelease(i.moduleId, i.version);
    if (!release) continue;
    resolvable.push({
      moduleId: i.moduleId,
      enabled: i.enabled,
      config: i.config,
      release: { manifest: release.manifest, entryUrl: release.entryUrl, integrity: release.integrity },
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
    entries.set(tenantId, { snapshot, bodies: new Map() });
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
      const permissions = permissionsFor(entry.snapshot.tenant.access, userId);
      const key = permissions.join(',');
      let served = entry.bodies.get(key);
      if (!served) {
        const body = JSON.stringify(resolveManifest(entry.snapshot, permissions));
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
