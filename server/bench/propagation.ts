// Live propagation benchmark: how long until every open event stream has a change, at 1,000 and
// 10,000 connections, and the server memory per idle connection. The real server and the clients
// run in separate processes (bench/propagation-server.ts, bench/propagation-clients.ts); a fresh
// server per size. Writes the "Live propagation" section of BENCHMARKS.md.
// Alone: `server/node_modules/.bin/tsx server/bench/propagation.ts`; or call runPropagationBench().
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Started, startServer } from './children.ts';
import {
  type ChangeSample,
  LIVE_MODULE,
  LIVE_TENANT,
  renderPropagation,
  type ScaleResult,
  summarize,
} from './propagation-report.ts';
import { writeSection } from './write-section.ts';

export type PropagationOptions = {
  scales?: { clients: number; targetMs: number }[];
  changes?: number;
  warmup?: number;
  /** Rewrite the section of BENCHMARKS.md (default true). */
  write?: boolean;
  progress?: (msg: string) => void;
};

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DEFAULT_SCALES = [
  { clients: 1_000, targetMs: 25 },
  { clients: 10_000, targetMs: 150 },
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mine = new Set<ChildProcess>();

/** The soft open-files limit of this process (children inherit it). */
export function fdLimit(): number | null {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const n = Number(line?.split(/\s{2,}/)[1]);
  return Number.isFinite(n) ? n : null;
}

const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

const rssKb = (pid: number | undefined) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);

/** Sends `msg` to a child and resolves with its first reply that has `key`. */
function ask<T>(proc: ChildProcess, msg: object, key: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const off = () => {
      clearTimeout(timer);
      proc.off('message', onMessage);
      proc.off('exit', onExit);
    };
    const onMessage = (m: Record<string, unknown>) => {
      if (m && typeof m === 'object' && 'error' in m) {
        off();
        reject(new Error(String(m.error)));
      } else if (m && typeof m === 'object' && key in m) {
        off();
        resolve(m as T);
      }
    };
    const onExit = () => {
      off();
      reject(new Error(`the ${key} reply never came: the process exited`));
    };
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${key} reply within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    proc.on('message', onMessage);
    proc.once('exit', onExit);
    proc.send(msg);
  });
}

async function stop(proc: ChildProcess) {
  mine.delete(proc);
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await Promise.race([exited, sleep(3000)]);
  if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
}

async function measureScale(
  scale: { clients: number; targetMs: number },
  o: Required<Pick<PropagationOptions, 'changes' | 'warmup' | 'progress'>>,
): Promise<ScaleResult> {
  const dir = mkdtempSync(join(tmpdir(), 'plugboard-propagation-'));
  const token = `bench-${randomBytes(8).toString('hex')}`;
  let server: Started<{ port: number }> | undefined;
  let clients: Started<unknown> | undefined;
  try {
    server = await startServer<{ port: number }>('server', 'propagation-server.ts', [dir, token], 90_000);
    mine.add(server.proc);
    type Published = { revision: number; at: number; loopMs: number; systemMs: number };
    const published = new Map<number, Published>();
    server.proc.on('message', (m: { published?: Published }) => {
      if (m?.published) published.set(m.published.revision, m.published);
    });
    const settledRss = async () => {
      await ask(server?.proc as ChildProcess, { gc: true }, 'gcDone', 10_000);
      await sleep(300);
      return rssKb(server?.proc.pid);
    };
    const url = `http://127.0.0.1:${server.ready.port}`;
    const path = `/v1/tenants/${LIVE_TENANT}/installations/${LIVE_MODULE}`;
    let changes = 0;
    // Alternating config: every PUT is a real change, so every PUT bumps the revision.
    const body = () => JSON.stringify({ version: '1.0.0', config: { step: ++changes % 2 ? 2 : 3 } });
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${url}${path}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body(),
      });
      if (res.status !== 200) throw new Error(`warm-up PUT answered ${res.status}: ${await res.text()}`);
    }
    clients = await startServer('clients', 'propagation-clients.ts', [url, LIVE_TENANT], 30_000);
    mine.add(clients.proc);
    const rssBeforeKb = await settledRss();
    o.progress(
      `${scale.clients} clients: opening connections (server RSS ${(rssBeforeKb / 1024).toFixed(0)} MB)`,
    );
    const { opened, ms: openMs } = await ask<{ opened: number; ms: number }>(
      clients.proc,
      { open: scale.clients },
      'opened',
      120_000,
    );
    await sleep(500);
    const rssAfterKb = await settledRss();
    o.progress(
      `${scale.clients} clients: ${opened} open in ${(openMs / 1000).toFixed(1)} s; server RSS ${(rssAfterKb / 1024).toFixed(0)} MB`,
    );
    const samples: ChangeSample[] = [];
    for (let i = 0; i < o.warmup + o.changes; i++) {
      const change = { path, token, body: body() };
      type Changed = Omit<ChangeSample, 'publishToLastMs' | 'loopMs' | 'systemMs'> & { lastAt: number };
      const { changed } = await ask<{ changed: Changed }>(clients.proc, { change }, 'changed', 15_000);
      const p = published.get(changed.revision);
      const { lastAt, ...rest } = changed;
      const onServer = { loopMs: p?.loopMs ?? Number.NaN, systemMs: p?.systemMs ?? Number.NaN };
      if (i >= o.warmup)
        samples.push({ ...rest, ...onServer, publishToLastMs: lastAt - (p?.at ?? Number.NaN) });
      await sleep(100);
    }
    const result: ScaleResult = {
      clients: scale.clients,
      targetMs: scale.targetMs,
      openMs,
      rssBeforeKb,
      rssAfterKb,
      samples,
    };
    const s = summarize(result);
    o.progress(
      `${scale.clients} clients: broadcast → every client p50 ${s.p50.toFixed(1)} / p99 ${s.p99.toFixed(1)} ms; PUT sent → every client p99 ${s.fromPutP99.toFixed(1)} ms; ${s.perConnectionKb.toFixed(1)} KB per connection`,
    );
    await ask(clients.proc, { close: true }, 'closed', 10_000);
    return result;
  } finally {
    if (clients) await stop(clients.proc);
    if (server) await stop(server.proc);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runPropagationBench(options: PropagationOptions = {}) {
  const started = performance.now();
  const loadBefore = loadAverage();
  const o = {
    changes: options.changes ?? 12,
    warmup: options.warmup ?? 2,
    progress: options.progress ?? ((m: string) => console.log(m)),
  };
  const limit = fdLimit();
  const results: ScaleResult[] = [];
  for (const scale of options.scales ?? DEFAULT_SCALES) {
    if (limit !== null && limit < scale.clients + 1000) {
      o.progress(
        `skipping ${scale.clients} clients: the open-files limit is ${limit} (try \`ulimit -n 20000\`)`,
      );
      continue;
    }
    results.push(await measureScale(scale, o));
  }
  const seconds = (performance.now() - started) / 1000;
  const meta = { ...o, fdLimit: limit, seconds, load: [loadBefore, loadAverage()] as [number, number] };
  const { markdown, table } = renderPropagation(results, meta);
  if (options.write !== false) writeSection(join(repoRoot, 'BENCHMARKS.md'), 'Live propagation', markdown);
  return { results, markdown, table };
}

/** Stops whatever this benchmark started (for signal handlers). */
export async function stopPropagationChildren() {
  await Promise.all([...mine].map(stop));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const watchdog = setTimeout(() => {
    console.error('The propagation benchmark took over 3 minutes; giving up.');
    stopPropagationChildren().finally(() => process.exit(1));
  }, 180_000);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => stopPropagationChildren().finally(() => process.exit(130)));
  }
  runPropagationBench().then(
    ({ table }) => {
      console.log(`\n${table}\n\nWritten to BENCHMARKS.md, section "Live propagation".`);
      process.exit(0);
    },
    async (err) => {
      console.error(`Propagation benchmark failed: ${err instanceof Error ? err.stack : err}`);
      await stopPropagationChildren();
      process.exit(1);
    },
  );
}
