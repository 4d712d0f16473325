// The shell's state: who is looking (tenant, user) and what they resolved (the manifest).
// Everything visible (routes, navigation, theme) derives from `manifest`, and applying a new
// one is a single `set` that keeps unchanged modules' objects (see manifest-diff.ts).
import type { ResolvedManifest, ResolvedModule } from '@plugboard/shared';
import { create } from 'zustand';
import { browserStorage, randomId } from '../session/browser-storage.ts';
import { chooseTenant, chooseUser, type ShellUser, TENANT_KEY } from '../session/session-params.ts';
import { type ManifestDiff, reconcileManifest } from './manifest-diff.ts';

export type ManifestStatus = 'idle' | 'loading' | 'ready' | 'not-found' | 'error';

export type ShellState = {
  tenantId: string | null;
  user: ShellUser;
  /** Bumped on every tenant choice, so choosing the same tenant again reloads too. */
  session: number;
  status: ManifestStatus;
  /** Why the manifest could not be loaded (status 'not-found' or 'error'). */
  error: string | null;
  manifest: ResolvedManifest | null;
  etag: string | null;
  lastDiff: ManifestDiff | null;
  /** Modules taken away by later manifests, so an open page of one can say so. */
  removedModules: ResolvedModule[];
  selectTenant(tenantId: string | null): void;
  setStatus(status: ManifestStatus, error?: string | null): void;
  applyManifest(manifest: ResolvedManifest, etag: string | null): ManifestDiff;
};

export const useShellStore = create<ShellState>()((set, get) => ({
  tenantId: chooseTenant(window.location.search, browserStorage),
  user: chooseUser(window.location.search, browserStorage, randomId),
  session: 0,
  status: 'idle',
  error: null,
  manifest: null,
  etag: null,
  lastDiff: null,
  removedModules: [],

  selectTenant(tenantId) {
    if (tenantId) browserStorage.setItem(TENANT_KEY, tenantId);
    else browserStorage.removeItem(TENANT_KEY);
    set((s) => ({
      tenantId,
      session: s.session + 1,
      status: 'idle',
      error: null,
      manifest: null,
      etag: null,
      lastDiff: null,
      removedModules: [],
    }));
  },

  setStatus(status, error = null) {
    set({ status, error });
  },

  applyManifest(next, etag) {
    const { manifest: prev, removedModules } = get();
    const { manifest, diff } = reconcileManifest(prev, next);
    const back = new Set(manifest.modules.map((m) => m.id));
    const removed = [...removedModules.filter((m) => !back.has(m.id)), ...diff.removed];
    set({ manifest, etag, lastDiff: diff, removedModules: removed, status: 'ready', error: null });
    return diff;
  },
}));
