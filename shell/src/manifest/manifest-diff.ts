// Applying a new resolved manifest over the current one: modules that did not change keep
// their object identity, so React sees the same props and their mounted instances keep state.
import type { ResolvedManifest, ResolvedModule } from '@plugboard/shared';
import { deepEqual } from './deep-equal.ts';

export type ManifestDiff = {
  added: string[];
  removed: ResolvedModule[];
  /** Same module id, different release or settings. */
  changed: string[];
  unchanged: string[];
};

export type Reconciled = { manifest: ResolvedManifest; diff: ManifestDiff };

export function reconcileManifest(prev: ResolvedManifest | null, next: ResolvedManifest): Reconciled {
  const before = new Map((prev?.modules ?? []).map((m) => [m.id, m]));
  const diff: ManifestDiff = { added: [], removed: [], changed: [], unchanged: [] };
  const modules = next.modules.map((m) => {
    const old = before.get(m.id);
    if (!old) {
      diff.added.push(m.id);
      return m;
    }
    if (deepEqual(old, m)) {
      diff.unchanged.push(m.id);
      return old;
    }
    diff.changed.push(m.id);
    return m;
  });
  const nextIds = new Set(next.modules.map((m) => m.id));
  diff.removed = (prev?.modules ?? []).filter((m) => !nextIds.has(m.id));
  if (prev && diff.added.length + diff.removed.length + diff.changed.length === 0) {
    // Nothing a module sees changed: keep the arrays too, only refresh the rest.
    const sameTenant = deepEqual(prev.tenant, next.tenant) ? prev.tenant : next.tenant;
    const samePermissions = deepEqual(prev.permissions, next.permissions)
      ? prev.permissions
      : next.permissions;
    return {
      manifest: { ...next, tenant: sameTenant, permissions: samePermissions, modules: prev.modules },
      diff,
    };
  }
  return { manifest: { ...next, modules }, diff };
}
