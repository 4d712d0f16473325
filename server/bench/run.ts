// `npm run bench`: the resolved-manifest route of the real Plugboard server against plain node:http
// serving the same bytes, each in its own process on 127.0.0.1, autocannon in this one. Rounds
// alternate (plain, Plugboard, plain, Plugboard); the better round of each is reported, and the
// section "Resolved manifest" of BENCHMARKS.md is rewritten.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Started, startServer, stopAll } from './children.ts';
import { load, type Measured } from './load.ts';
import { type Round, renderSection } from './report.ts';
import { writeSection } from './write-section.ts';

const CONNECTIONS = 50;
const WARMUP_S = 2;
const MEASURE_S = 10;
const ROUNDS = 2;
const PATHS_PER_CONNECTION = 1000;
const PRIVILEGED_SHARE = 0.05;
const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const t0 = performance.now();
const since = () => `${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s`;
const progress = (msg: string) => console.log(`[${since()}] ${msg}`);

const tempDir = mkdtempSync(join(tmpdir(), 'plugboard-bench-'));
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await stopAll();
  rmSync(tempDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers`);
    cleanup().finally(() => process.exit(130));
  });
}

function pathMaker(privileged: string[]) {
  return () =>
    Array.from({ length: PATHS_PER_CONNECTION }, () => {
      const user =
        Math.random() < PRIVILEGED_SHARE
          ? privileged[Math.floor(Math.random() * privileged.length)]
          : `u-${randomBytes(6).toString('base64url')}`;
      return `/v1/tenants/bench/manifest?user=${user}`;
    });
}

type Server = { name: string; url: string; started: Started<unknown> };

async function phase(server: Server, round: number, paths: () => string[]): Promise<Round> {
  const label = `${server.name}, round ${round}/${ROUNDS}`;
  progress(`${label}: warm-up ${WARMUP_S} s`);
  await load({ url: server.url, connections: CONNECTIONS, seconds: WARMUP_S, paths });
  progress(`${label}: measuring ${MEASURE_S} s at ${CONNECTIONS} connections`);
  const cpu0 = await server.started.cpuMicros();
  const self0 = process.cpuUsage();
  const tty = process.stdout.isTTY;
  const m: Measured = await load({
    url: server.url,
    connections: CONNECTIONS,
    seconds: MEASURE_S,
    paths,
    onSecond: (s) => tty && process.stdout.write(`\r           ${s}/${MEASURE_S} s`),
  });
  if (tty) process.stdout.write('\r');
  const serverCpu = (await server.started.cpuMicros()) - cpu0;
  const self = process.cpuUsage(self0);
  if (m.bad > 0) throw new Error(`${label}: ${m.bad} of ${m.requests} requests failed or were not 2xx`);
  const wallMicros = m.seconds * 1e6;
  const result: Round = {
    server: server.name,
    round,
    ...m,
    serverCpu: serverCpu / wallMicros,
    loadCpu: (self.user + self.system) / wallMicros,
    cpuPerRequest: serverCpu / m.requests,
  };
  progress(
    `${label}: ${Math.round(m.rps)} req/s, p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms, server CPU ${Math.round(result.serverCpu * 100)}% (${result.cpuPerRequest.toFixed(1)} µs/request)`,
  );
  return result;
}

async function main() {
  progress('starting the Plugboard server (PGlite in a temp dir, seeding 20 modules)');
  const pb = await startServer<{ port: number; privileged: string[] }>(
    'plugboard',
    'plugboard-server.ts',
    [join(tempDir, 'pglite')],
    90_000,
  );
  const pbUrl = `http://127.0.0.1:${pb.ready.port}`;
  const sample = await fetch(`${pbUrl}/v1/tenants/bench/manifest?user=u-sample`);
  const body = Buffer.from(await sample.arrayBuffer());
  const modules = (JSON.parse(body.toString()) as { modules?: unknown[] }).modules?.length;
  if (sample.status !== 200 || modules !== 20) {
    throw new Error(`sample manifest: status ${sample.status}, ${modules} modules (want 200, 20)`);
  }
  progress(`Plugboard ready on ${pbUrl}: manifest of ${body.length} bytes, ${modules} modules`);
  const bodyFile = join(tempDir, 'manifest.json');
  writeFileSync(bodyFile, body);
  const plain = await startServer<{ port: number }>('plain', 'plain-server.ts', [bodyFile], 30_000);
  const plainUrl = `http://127.0.0.1:${plain.ready.port}`;
  const echoed = Buffer.from(await (await fetch(`${plainUrl}/x`)).arrayBuffer());
  if (!echoed.equals(body)) throw new Error('the plain server does not return the same bytes');
  progress(`plain node:http ready on ${plainUrl}`);

  const paths = pathMaker(pb.ready.privileged);
  const servers: Server[] = [
    { name: 'plain node:http', url: plainUrl, started: plain },
    { name: 'Plugboard', url: pbUrl, started: pb },
  ];
  const rounds: Round[] = [];
  for (let r = 1; r <= ROUNDS; r++) for (const s of servers) rounds.push(await phase(s, r, paths));
  await cleanup();

  const { markdown, table } = renderSection(rounds, {
    bodyBytes: body.length,
    connections: CONNECTIONS,
    warmup: WARMUP_S,
    seconds: MEASURE_S,
    privilegedShare: PRIVILEGED_SHARE,
  });
  writeSection(join(repoRoot, 'BENCHMARKS.md'), 'Resolved manifest', markdown);
  console.log(
    `\n${table}\n\nWritten to BENCHMARKS.md, section "Resolved manifest" (${since().trim()} in all).`,
  );
}

const watchdog = setTimeout(() => {
  console.error('The benchmark took over 4 minutes; giving up.');
  cleanup().finally(() => process.exit(1));
}, 240_000);
watchdog.unref();

main().then(
  () => process.exit(0),
  async (err) => {
    console.error(`\nBenchmark failed: ${err instanceof Error ? err.message : err}`);
    await cleanup();
    process.exit(1);
  },
);
