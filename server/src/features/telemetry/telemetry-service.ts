// Module outcomes reported by shells: only for releases the tenant really serves (so nobody can
// poison another module's health figures), summed per release, and stored for every instance.
import type { TelemetryBatch } from '@plugboard/shared';
import type { ManifestCache } from '../resolve/manifest-cache.ts';
import type { OutcomeDelta, OutcomeStore } from './outcome-store.ts';

export function createTelemetryService(deps: {
  outcomes: OutcomeStore;
  cache: ManifestCache;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;

  function served(tenantId: string): Set<string> | null {
    const snapshot = deps.cache.snapshot(tenantId);
    if (!snapshot) return null;
    const keys = new Set<string>();
    for (const i of snapshot.installations) {
      if (i.release) keys.add(`${i.moduleId}@${i.release.manifest.version}`);
      if (i.candidate) keys.add(`${i.moduleId}@${i.candidate.release.manifest.version}`);
    }
    return keys;
  }

  return {
    /** Returns how many events were counted; the rest named releases the tenant does not serve. */
    async record(batch: TelemetryBatch): Promise<number> {
      const keys = served(batch.tenant);
      if (!keys) return 0;
      const deltas = new Map<string, OutcomeDelta>();
      let counted = 0;
      for (const e of batch.events) {
        const key = `${e.module}@${e.version}`;
        if (!keys.has(key)) continue;
        counted++;
        let d = deltas.get(key);
        if (!d) {
          d = {
            tenantId: batch.tenant,
            moduleId: e.module,
            version: e.version,
            loaded: 0,
            loadFailed: 0,
            renderCrashed: 0,
            loadMsTotal: 0,
          };
          deltas.set(key, d);
        }
        if (e.outcome === 'loaded') {
          d.loaded++;
          d.loadMsTotal += Math.round(e.loadMs ?? 0);
        } else if (e.outcome === 'load-failed') d.loadFailed++;
        else d.renderCrashed++;
      }
      if (deltas.size > 0) await deps.outcomes.add(now(), [...deltas.values()]);
      return counted;
    },
  };
}
export type TelemetryService = ReturnType<typeof createTelemetryService>;
