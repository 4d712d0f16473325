// The last resolved manifest received, per tenant and user, so the shell can boot while the
// server is unreachable. Stored as the manifest's own JSON under
// `plugboard.manifest.<tenant>.<user>`. DOM-free: the storage is passed in.
import type { ResolvedManifest } from '@plugboard/shared';
import type { KeyValueStorage } from '../session/session-params.ts';

export function offlineManifestKey(tenant: string, user: string): string {
  return `plugboard.manifest.${tenant}.${user}`;
}

/** Remembers `manifest`; never throws (storage may be full or disabled). */
export function storeManifest(
  storage: KeyValueStorage,
  tenant: string,
  user: string,
  manifest: ResolvedManifest,
): boolean {
  try {
    storage.setItem(offlineManifestKey(tenant, user), JSON.stringify(manifest));
    return true;
  } catch {
    return false;
  }
}

/** The remembered manifest of this tenant and user, or null if none (or not a usable one). */
export function storedManifest(
  storage: KeyValueStorage,
  tenant: string,
  user: string,
): ResolvedManifest | null {
  let text: string | null;
  try {
    text = storage.getItem(offlineManifestKey(tenant, user));
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<ResolvedManifest> | null;
    if (!isUsable(value, tenant)) return null;
    return value;
  } catch {
    return null;
  }
}

function isUsable(value: Partial<ResolvedManifest> | null, tenant: string): value is ResolvedManifest {
  return (
    typeof value === 'object' &&
    value !== null &&
    value.schema === 1 &&
    typeof value.revision === 'number' &&
    value.tenant?.id === tenant &&
    Array.isArray(value.modules) &&
    Array.isArray(value.permissions)
  );
}
