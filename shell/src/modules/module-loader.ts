// Loads a module's exposed component through the Module Federation runtime.
// Per module: verify the entry's SRI (the browser checks `integrity` on fetch), register the
// remote only when its entry URL changed, then loadRemote('<container>/<Expose>').
// Components are cached per (entry, expose); failures are not cached, so Retry tries again.
import { loadRemote, registerRemotes } from '@module-federation/runtime';
import type { ResolvedModule } from '@plugboard/shared';
import type { ComponentType } from 'react';
import {
  errorMessage,
  exposedComponent,
  isExposeMissingError,
  ModuleFailure,
  withTimeout,
} from './module-failure.ts';

/** How long one module may take to load before it fails with LOAD_TIMEOUT. */
export const MODULE_LOAD_TIMEOUT_MS = 10_000;

export type ModuleComponent = ComponentType<Record<string, never>>;

const components = new Map<string, Promise<ModuleComponent>>();
const resolved = new Map<string, ModuleComponent>();
/** Container name → the entry URL currently registered for it. */
const registeredEntries = new Map<string, string>();
/** Entries whose container answered at least once (their registration is worth keeping). */
const reachedEntries = new Set<string>();
/** Container name → tail of the queue of work touching that container's registration. */
const containerQueues = new Map<string, Promise<unknown>>();

const cacheKey = (module: ResolvedModule, expose: string) => `${module.remote.entry}#${expose}`;

/** The component if it already loaded (lets a revisited route render without a loading flash). */
export function peekModuleComponent(module: ResolvedModule, expose: string): ModuleComponent | undefined {
  return resolved.get(cacheKey(module, expose));
}

export function loadModuleComponent(
  module: ResolvedModule,
  expose: string,
  timeoutMs: number = MODULE_LOAD_TIMEOUT_MS,
): Promise<ModuleComponent> {
  const key = cacheKey(module, expose);
  const cached = components.get(key);
  if (cached) return cached;
  const loading = withTimeout(
    loadUncached(module, expose, timeoutMs),
    timeoutMs,
    () => new ModuleFailure('LOAD_TIMEOUT', new Error(`no answer within ${timeoutMs} ms`)),
  ).then(
    (component) => {
      resolved.set(key, component);
      return component;
    },
    (error: unknown) => {
      components.delete(key);
      throw error instanceof ModuleFailure ? error : new ModuleFailure('LOAD_FAILED', error);
    },
  );
  components.set(key, loading);
  return loading;
}

async function loadUncached(
  module: ResolvedModule,
  expose: string,
  timeoutMs: number,
): Promise<ModuleComponent> {
  const { entry, integrity } = module.remote;
  if (integrity) await verifyEntry(entry, integrity);
  // Registration and loading are serialised per container: the runtime knows one entry per
  // name, so an old and a new release of the same module must not interleave.
  const exported = await serialisePerContainer(module.remote.name, timeoutMs, async () => {
    registerIfChanged(module);
    try {
      const exported = await loadRemote<unknown>(`${module.remote.name}/${expose.replace(/^\.\//, '')}`);
      reachedEntries.add(entry);
      return exported;
    } catch (error) {
      const failure = await classifyRuntimeError(error, entry, integrity !== null);
      if (failure.code === 'EXPOSE_MISSING') reachedEntries.add(entry);
      // An entry that never loaded is registered again (forced) on the next attempt, so the
      // runtime forgets its failed load and Retry really retries.
      else if (!reachedEntries.has(entry)) registeredEntries.delete(module.remote.name);
      throw failure;
    }
  });
  const component = exposedComponent(exported, expose);
  if (!component) {
    throw new ModuleFailure('EXPOSE_MISSING', new Error(`"${expose}" does not export a React component`));
  }
  return component;
}

/**
 * A new release has a new entry URL; registering it with `force` makes the runtime drop the
 * old registration (runtime-core's removeRemote: the container's moduleCache entry, its global
 * loading promise, snapshot and manifest caches), so the next loadRemote imports the new entry
 * and its exposes. Verified in Chromium, also for a rollback to an entry loaded before.
 */
function registerIfChanged(module: ResolvedModule): void {
  const { name, entry, format } = module.remote;
  if (registeredEntries.get(name) === entry) return;
  registerRemotes([{ name, entry, type: format === 'global' ? 'global' : 'module' }], { force: true });
  registeredEntries.set(name, entry);
}

function serialisePerContainer<T>(name: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const previous = containerQueues.get(name) ?? Promise.resolve();
  const next = previous.then(work);
  // A hung load must not block the container forever: the next one waits at most timeoutMs.
  containerQueues.set(
    name,
    withTimeout(next, timeoutMs, () => new Error('timeout')).catch(() => undefined),
  );
  return next;
}

/** Fetches the entry with SRI so the browser verifies it; tells a mismatch from a network failure. */
async function verifyEntry(entry: string, integrity: string): Promise<void> {
  try {
    const response = await fetch(entry, { integrity, cache: 'force-cache', credentials: 'same-origin' });
    if (!response.ok) throw new ModuleFailure('ENTRY_UNREACHABLE', new Error(`HTTP ${response.status}`));
    return;
  } catch (error) {
    if (error instanceof ModuleFailure) throw error;
    // fetch() rejects the same way for a bad digest and a network error: ask again without SRI.
    const status = await probeEntry(entry);
    if (status === 'ok')
      throw new ModuleFailure('INTEGRITY_MISMATCH', new Error(`${entry} does not match ${integrity}`));
    throw new ModuleFailure(
      'ENTRY_UNREACHABLE',
      new Error(status === 'network' ? errorMessage(error) : status),
    );
  }
}

/** 'ok', 'HTTP <status>', or 'network'. */
async function probeEntry(entry: string): Promise<string> {
  try {
    const response = await fetch(entry, { cache: 'no-store', credentials: 'same-origin' });
    return response.ok ? 'ok' : `HTTP ${response.status}`;
  } catch {
    return 'network';
  }
}

async function classifyRuntimeError(
  error: unknown,
  entry: string,
  verified: boolean,
): Promise<ModuleFailure> {
  if (error instanceof ModuleFailure) return error;
  if (isExposeMissingError(error)) return new ModuleFailure('EXPOSE_MISSING', error);
  if (!verified) {
    const status = await probeEntry(entry);
    if (status !== 'ok')
      return new ModuleFailure('ENTRY_UNREACHABLE', new Error(`${status}: ${errorMessage(error)}`));
  }
  return new ModuleFailure('LOAD_FAILED', error);
}
