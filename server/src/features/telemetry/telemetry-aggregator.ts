// Counts of module outcomes per tenant, module and release.
import type { TelemetryBatch } from '@plugboard/shared';

export type OutcomeCounts = {
  tenant: string;
  module: string;
  version: string;
  loaded: number;
  loadFailed: number;
  renderCrashed: number;
  loadMsTotal: number;
};

export function createTelemetryAggregator() {
  const counts = new Map<string, OutcomeCounts>();
  return {
    record(batch: TelemetryBatch): void {
      for (const e of batch.events) {
        const key = `${batch.tenant}\0${e.module}\0${e.version}`;
        let c = counts.get(key);
        if (!c) {
          c = {
            tenant: batch.tenant,
            module: e.module,
            version: e.version,
            loaded: 0,
            loadFailed: 0,
            renderCrashed: 0,
            loadMsTotal: 0,
          };
          counts.set(key, c);
        }
        if (e.outcome === 'loaded') {
          c.loaded++;
          c.loadMsTotal += e.loadMs ?? 0;
        } else if (e.outcome === 'load-failed') c.loadFailed++;
        else c.renderCrashed++;
      }
    },
    summary(): OutcomeCounts[] {
      return [...counts.values()];
    },
  };
}
export type TelemetryAggregator = ReturnType<typeof createTelemetryAggregator>;
