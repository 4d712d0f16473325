// Module outcomes waiting to be sent, batched per tenant in the shape POST /v1/telemetry takes.
import type { TelemetryBatch, TelemetryEvent } from '@plugboard/shared';

/** Small enough that a batch fits the 64 KiB sendBeacon limit with long messages. */
export const MAX_BATCH_EVENTS = 50;
/** Events kept while the server is unreachable; the oldest are dropped beyond this. */
export const MAX_QUEUED_EVENTS = 500;
const MAX_MESSAGE = 500;

export type TelemetryQueue = {
  push(tenant: string, event: TelemetryEvent): void;
  /** Takes everything queued, as batches of at most MAX_BATCH_EVENTS for one tenant each. */
  drain(): TelemetryBatch[];
  readonly size: number;
};

export function sanitizeEvent(event: TelemetryEvent): TelemetryEvent {
  const clean: TelemetryEvent = { module: event.module, version: event.version, outcome: event.outcome };
  if (event.loadMs !== undefined) clean.loadMs = Math.max(0, Math.min(600000, Math.round(event.loadMs)));
  if (event.code && /^[A-Z_]{1,40}$/.test(event.code)) clean.code = event.code;
  if (event.message) clean.message = event.message.slice(0, MAX_MESSAGE);
  return clean;
}

export function createTelemetryQueue(): TelemetryQueue {
  let queued: { tenant: string; event: TelemetryEvent }[] = [];
  return {
    push(tenant, event) {
      queued.push({ tenant, event: sanitizeEvent(event) });
      if (queued.length > MAX_QUEUED_EVENTS) queued = queued.slice(-MAX_QUEUED_EVENTS);
    },
    drain() {
      const byTenant = new Map<string, TelemetryEvent[]>();
      for (const { tenant, event } of queued) {
        const events = byTenant.get(tenant) ?? [];
        events.push(event);
        byTenant.set(tenant, events);
      }
      queued = [];
      const batches: TelemetryBatch[] = [];
      for (const [tenant, events] of byTenant) {
        for (let i = 0; i < events.length; i += MAX_BATCH_EVENTS) {
          batches.push({ tenant, events: events.slice(i, i + MAX_BATCH_EVENTS) });
        }
      }
      return batches;
    },
    get size() {
      return queued.length;
    },
  };
}
