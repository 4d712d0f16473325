// The shell's state: who is looking (tenant, user) and what they resolved (the manifest).
// Everything visible (routes, navigation, theme) derives from `manifest`, and applying a new
// one is a single `set` that keeps unchanged modules' objects (see manifest-diff.ts) and holds
// back new releases of modules that asked to defer them (see deferred-swaps.ts).
import type { ResolvedManifest, ResolvedModule } from '@plugboard/shared';
import { create } from 'zustand';
import { browserStorage, randomId } from '../session/browser-storage.ts';
import { chooseTenant, chooseUser, type ShellUser, TENANT_KEY } from '../session/session-params.ts';
import { decideSwaps, type Holds, releaseHold } from './deferred-swaps.ts';
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
  /** The server could not be reached the last time we asked; showing what we have. */
  offline: boolean;
  /** Module instance id → module id, for every mounted instance that defers updates. */
  deferring: Readonly<Record<string, string>>;
  /** Releases kept on screen while their successor waits (see deferred-swaps.ts). */
  holds: Holds;
  /** The router location's key: a navigation applies every held release. */
  locationKey: string;
  selectTenant(tenantId: string | null): void;
  setStatus(status: ManifestStatus, error?: string | null): void;
  applyManifest(manifest: ResolvedManifest, etag: string | null): ManifestDiff;
  setOffline(offline: boolean): void;
  /** A module instance starts or stops deferring; clearing the last one applies its hold. */
  setDeferring(instanceId: string, moduleId: string, defer: boolean): void;
  /** The user navigated: held releases are swapped now. */
  noteLocation(locationKey: string): void;
};

/** What a shell starts from, and starts again from when another tenant is chosen. */
const sessionStart = () =>
  ({
    status: 'idle',
    error: null,
    manifest: null,
    etag: null,
    lastDiff: null,
    removedModules: [],
    offline: false,
    holds: {},
  }) satisfies Partial<ShellState>;

export const useShellStore = create<ShellState>()((set, get) => ({
  tenantId: chooseTenant(window.location.search, browserStorage),
  user: chooseUser(window.location.search, browserStorage, randomId),
  session: 0,
  ...sessionStart(),
  deferring: {},
  locationKey: 'default',

  selectTenant(tenantId) {
    if (tenantId) browserStorage.setItem(TENANT_KEY, tenantId);
    else browserStorage.removeItem(TENANT_KEY);
    set((s) => ({ tenantId, session: s.session + 1, ...sessionStart() }));
  },

  setStatus(status, error = null) {
    set({ status, error });
  },

  applyManifest(next, etag) {
    const { manifest: prev, removedModules, holds, deferring, locationKey } = get();
    const { manifest, diff } = reconcileManifest(prev, next);
    const back = new Set(manifest.modules.map((m) => m.id));
    const removed = [...removedModules.filter((m) => !back.has(m.id)), ...diff.removed];
    const decision = decideSwaps({
      previous: prev?.modules ?? [],
      next: manifest.modules,
      holds,
      deferred: new Set(Object.values(deferring)),
      locationKey,
    });
    set({
      manifest,
      etag,
      lastDiff: diff,
      removedModules: removed,
      holds: decision.holds,
      status: 'ready',
      error: null,
    });
    return diff;
  },

  setOffline(offline) {
    if (get().offline !== offline) set({ offline });
  },

  setDeferring(instanceId, moduleId, defer) {
    const { deferring, holds } = get();
    if (defer) {
      if (deferring[instanceId] !== moduleId) set({ deferring: { ...deferring, [instanceId]: moduleId } });
      return;
    }
    if (!(instanceId in deferring)) return;
    const { [instanceId]: _cleared, ...rest } = deferring;
    const stillDeferred = Object.values(rest).includes(moduleId);
    set({ deferring: rest, holds: stillDeferred ? holds : releaseHold(holds, moduleId) });
  },

  noteLocation(locationKey) {
    const { holds } = get();
    set({ locationKey, holds: Object.keys(holds).length ? {} : holds });
  },
}));
