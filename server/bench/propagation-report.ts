// Pure part of the live-propagation benchmark: the names it seeds, the statistics over the measured
// changes, the targets, and the "Live propagation" section of BENCHMARKS.md.
import { cpus } from 'node:os';

export const LIVE_TENANT = 'live';
export const LIVE_MODULE = 'live.counter';
/** At most this much server memory per idle event-stream connection. */
export const TARGET_KB_PER_CONNECTION = 20;

/** One change as the client process saw it, in ms after the PUT was sent. */
export type ChangeSample = {
  putMs: number;
  firstMs: number;
  /** NaN when some client never got the change within the time limit. */
  lastMs: number;
  /** From the server starting the broadcast to the last client having it (NaN if missed). */
  publishToLastMs: number;
  /** The server's broadcast loop (all socket writes), and the kernel CPU time within it. */
  loopMs: number;
  systemMs: number;
  received: number;
  clients: number;
  lost: number;
  revision: number;
};

export type ScaleResult = {
  clients: number;
  targetMs: number;
  openMs: number;
  rssBeforeKb: number;
  rssAfterKb: number;
  samples: ChangeSample[];
};

/** Nearest-rank percentile; NaN (a change some client missed) ranks above every number. */
export function percentile(values: number[], p: number): number {
  const sorted = values.map((v) => (Number.isNaN(v) ? Number.POSITIVE_INFINITY : v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export function summarize(r: ScaleResult) {
  const every = r.samples.map((s) => s.publishToLastMs);
  const fromPut = r.samples.map((s) => s.lastMs);
  const perConnectionKb = (r.rssAfterKb - r.rssBeforeKb) / r.clients;
  const p99 = percentile(every, 99);
  const putP99 = percentile(fromPut, 99);
  return {
    p50: percentile(every, 50),
    p99,
    max: percentile(every, 100),
    fromPutP50: percentile(fromPut, 50),
    fromPutP99: putP99,
    fromPutMax: percentile(fromPut, 100),
    putP50: percentile(
      r.samples.map((s) => s.putMs),
      50,
    ),
    loopP50: percentile(
      r.samples.map((s) => s.loopMs),
      50,
    ),
    systemP50: percentile(
      r.samples.map((s) => s.systemMs),
      50,
    ),
    missed: r.samples.filter((s) => s.received < s.clients).length,
    lost: Math.max(0, ...r.samples.map((s) => s.lost)),
    perConnectionKb,
    latencyMet: p99 <= r.targetMs,
    fromPutMet: putP99 <= r.targetMs,
    memoryMet: perConnectionKb <= TARGET_KB_PER_CONNECTION,
  };
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : 'missed');
const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
const trio = (a: number, b: number, c: number) => `${ms(a)} / ${ms(b)} / ${ms(c)}`;

export type RunMeta = {
  changes: number;
  warmup: number;
  fdLimit: number | null;
  seconds: number;
  /** /proc/loadavg (1-minute) before and after: other work on the machine skews the timings. */
  load: [number, number];
};

export function renderPropagation(results: ScaleResult[], meta: RunMeta) {
  const head = [
    '| clients | broadcast → every client, p50 / p99 / max (ms) | target p99 | met | PUT sent → every client, p50 / p99 / max (ms) | met | PUT answered, p50 (ms) | server broadcast loop, p50 (ms; kernel CPU in it) | server RSS per idle connection | ≤ 20 KB | changes some client missed |',
    '| ---: | ---: | ---: | :---: | ---: | :---: | ---: | ---: | ---: | :---: | ---: |',
  ];
  const rows = results.map((r) => {
    const s = summarize(r);
    return `| ${r.clients.toLocaleString('en-US')} | ${trio(s.p50, s.p99, s.max)} | ${r.targetMs} | ${yes(s.latencyMet)} | ${trio(s.fromPutP50, s.fromPutP99, s.fromPutMax)} | ${yes(s.fromPutMet)} | ${ms(s.putP50)} | ${ms(s.loopP50)} (${ms(s.systemP50)}) | ${s.perConnectionKb.toFixed(1)} KB | ${yes(s.memoryMet)} | ${s.missed} of ${r.samples.length} |`;
  });
  const table = [...head, ...rows].join('\n');
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const paragraph = (...sentences: string[]) => sentences.join(' ');
  const markdown = [
    paragraph(
      'How fast a change reaches every open shell.',
      '`server/bench/propagation.ts` starts the real server (`bench/propagation-server.ts`: services,',
      'Hono app, embedded PGlite) in one process and `bench/propagation-clients.ts` in another, which',
      'opens N raw TCP connections to `GET /v1/tenants/live/events`.',
      'Per change the client process sends `PUT /v1/tenants/live/installations/live.counter`',
      '(alternating config) and notes when each connection has read the `change` event with the new',
      'revision. "Broadcast → every client" runs from the moment the server\'s hub starts writing',
      'that event to the moment the last client has it (epoch clocks of the two processes);',
      '"PUT sent → every client" adds the request, the PGlite transaction and the manifest-cache',
      `refresh. ${meta.changes} measured changes per size (so p99 is their maximum) after`,
      `${meta.warmup} warm-up changes, each size on a fresh server.`,
      'The hub writes to every socket synchronously, so "server broadcast loop" is the whole',
      'broadcast; the kernel CPU time in it is mostly the TCP stack, which on loopback also delivers',
      'each segment to the receiving socket.',
      "Memory: the server's VmRSS (/proc/<pid>/status) after a forced full GC, with the N idle",
      'connections open minus before they were opened, over N; at small N new connections mostly',
      'fill heap pages the server already holds, so the larger size is the telling figure.',
    ),
    table,
    paragraph(
      `Machine: ${cpus().length} × ${cpu}, Node ${process.versions.node}, loopback; server and`,
      "clients in separate processes, so the clients' reading competes with the server for the",
      `same cores. Load average ${meta.load[0].toFixed(2)} before the run and ${meta.load[1].toFixed(2)}`,
      'after: other work on the machine inflates the timings.',
      `Open-files limit ${meta.fdLimit ?? 'unknown'}; 10,000 connections need about 10,000`,
      `descriptors in each process. Whole run: ${meta.seconds.toFixed(0)} s.`,
      'Run it alone with `server/node_modules/.bin/tsx server/bench/propagation.ts`.',
    ),
  ].join('\n\n');
  return { markdown, table };
}
