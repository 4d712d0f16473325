// Sends module outcomes to POST /v1/telemetry: batched, flushed every few seconds and when the
// page is hidden or left; sendBeacon first, fetch with keepalive as the fallback.
import type { TelemetryBatch, TelemetryEvent } from '@plugboard/shared';
import { createTelemetryQueue } from './telemetry-queue.ts';

export const TELEMETRY_URL = '/v1/telemetry';
export const TELEMETRY_FLUSH_MS = 5_000;

const queue = createTelemetryQueue();
let timer: ReturnType<typeof setInterval> | null = null;

function send(batch: TelemetryBatch): void {
  const body = JSON.stringify(batch);
  try {
    if (navigator.sendBeacon?.(TELEMETRY_URL, new Blob([body], { type: 'application/json' }))) return;
  } catch {
    // fall through to fetch
  }
  void fetch(TELEMETRY_URL, {
    method: 'POST',
    body,
    keepalive: true,
    headers: { 'content-type': 'application/json' },
  }).catch(() => undefined);
}

export function flushTelemetry(): void {
  for (const batch of queue.drain()) send(batch);
}

function start(): void {
  if (timer) return;
  timer = setInterval(flushTelemetry, TELEMETRY_FLUSH_MS);
  window.addEventListener('pagehide', flushTelemetry);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushTelemetry();
  });
}

export function reportOutcome(tenant: string, event: TelemetryEvent): void {
  start();
  queue.push(tenant, event);
}
