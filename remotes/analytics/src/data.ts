// Deterministic pseudo-random metrics: the same tenant and refresh count always give the same numbers.

/** FNV-1a: a small stable hash to seed the generator from the tenant id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: returns a generator of floats in [0, 1). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Kpi = { label: string; value: string; delta: number };
export type Metrics = { kpis: Kpi[]; weekly: { label: string; value: number }[] };

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function metricsFor(tenantId: string, refresh: number): Metrics {
  const next = generator(hash(`${tenantId}:${refresh}`));
  const between = (min: number, max: number) => Math.round(min + next() * (max - min));
  const delta = () => Math.round((next() * 30 - 10) * 10) / 10;
  return {
    kpis: [
      { label: 'Active clients', value: String(between(20, 40)), delta: delta() },
      { label: 'Revenue (k€)', value: String(between(80, 240)), delta: delta() },
      { label: 'Open tickets', value: String(between(3, 60)), delta: delta() },
      { label: 'NPS', value: String(between(20, 70)), delta: delta() },
    ],
    weekly: DAYS.map((label) => ({ label, value: between(10, 100) })),
  };
}
