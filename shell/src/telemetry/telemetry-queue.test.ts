import { describe, expect, it } from 'vitest';
import { createTelemetryQueue, MAX_BATCH_EVENTS, sanitizeEvent } from './telemetry-queue.ts';

const loaded = (module: string) => ({ module, version: '1.0.0', outcome: 'loaded' as const, loadMs: 12.6 });

describe('telemetry queue', () => {
  it('batches per tenant and empties on drain', () => {
    const q = createTelemetryQueue();
    q.push('acme', loaded('acme.a'));
    q.push('globex', loaded('acme.b'));
    q.push('acme', loaded('acme.c'));
    expect(q.drain()).toEqual([
      { tenant: 'acme', events: [loaded('acme.a'), loaded('acme.c')].map(sanitizeEvent) },
      { tenant: 'globex', events: [sanitizeEvent(loaded('acme.b'))] },
    ]);
    expect(q.size).toBe(0);
    expect(q.drain()).toEqual([]);
  });

  it('splits large batches', () => {
    const q = createTelemetryQueue();
    for (let i = 0; i < MAX_BATCH_EVENTS + 1; i++) q.push('acme', loaded('acme.a'));
    expect(q.drain().map((b) => b.events.length)).toEqual([MAX_BATCH_EVENTS, 1]);
  });
});

describe('sanitizeEvent', () => {
  it('rounds load time, truncates messages and drops invalid codes', () => {
    const e = sanitizeEvent({
      module: 'acme.a',
      version: '1.0.0',
      outcome: 'load-failed',
      loadMs: 3.4,
      code: 'bad code',
      message: 'x'.repeat(900),
    });
    expect(e.loadMs).toBe(3);
    expect(e.code).toBeUndefined();
    expect(e.message).toHaveLength(500);
  });
});
