// Turns the measured rounds into the "Resolved manifest" section of BENCHMARKS.md: the better
// round of each server, the ratio to plain node:http, and whether the targets were met.
import { cpus } from 'node:os';
import type { Measured } from './load.ts';

/** serverCpu, loadCpu: share of one core; cpuPerRequest: server CPU µs per request (noise-robust). */
export type Round = Measured & {
  server: string;
  round: number;
  serverCpu: number;
  loadCpu: number;
  cpuPerRequest: number;
};

export const TARGET_RATIO = 0.5;
export const TARGET_P99_MS = 10;
const PLAIN = 'plain node:http';

export type Meta = {
  bodyBytes: number;
  connections: number;
  warmup: number;
  seconds: number;
  privilegedShare: number;
};

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => n.toFixed(2);
const pct = (n: number) => `${Math.round(n * 100)}%`;

function best(rounds: Round[], server: string): Round {
  const mine = rounds.filter((r) => r.server === server);
  const top = mine.reduce<Round | undefined>((a, r) => (a && a.rps >= r.rps ? a : r), undefined);
  if (!top) throw new Error(`no rounds for ${server}`);
  return top;
}

export function renderSection(rounds: Round[], meta: Meta): { markdown: string; table: string } {
  const plain = best(rounds, PLAIN);
  const servers = [...new Set(rounds.map((r) => r.server))];
  const rows = servers.map((s) => best(rounds, s));
  const table = [
    '| server | requests/s | p50 ms | p99 ms | ratio to plain |',
    '|---|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.server} | ${int(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${(r.rps / plain.rps).toFixed(2)} |`,
    ),
  ].join('\n');

  const targets = rows
    .filter((r) => r.server !== PLAIN)
    .flatMap((r) => {
      const ratio = r.rps / plain.rps;
      const mark = (ok: boolean) => (ok ? '**met**' : '**missed**');
      return [
        `- ${r.server}: throughput at least ${TARGET_RATIO} of plain node:http: ${mark(ratio >= TARGET_RATIO)} (${ratio.toFixed(2)})`,
        `- ${r.server}: p99 under ${TARGET_P99_MS} ms at ${meta.connections} connections: ${mark(r.p99 < TARGET_P99_MS)} (${ms(r.p99)} ms; plain node:http: ${ms(plain.p99)} ms)`,
      ];
    });

  const detail = [
    '| round | server | requests/s | p50 ms | p99 ms | server CPU | server CPU µs/request | load generator CPU |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
    ...rounds.map(
      (r) =>
        `| ${r.round} | ${r.server} | ${int(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${pct(r.serverCpu)} | ${r.cpuPerRequest.toFixed(1)} | ${pct(r.loadCpu)} |`,
    ),
  ].join('\n');

  const cpu = cpus();
  const markdown = [
    'Command: `npm run bench` (runs `server/bench/run.ts`)',
    '',
    `Date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    '',
    `Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}`,
    '',
    `\`GET /v1/tenants/bench/manifest?user=<random id>\` on the real server (PGlite, tenant with 20 installed`,
    `modules, ${pct(meta.privilegedShare)} of requests from users with their own permissions) against plain`,
    `\`node:http\` returning the same ${int(meta.bodyBytes)} bytes. Each server runs in its own process on`,
    `127.0.0.1, autocannon in the runner's process; ${meta.connections} connections, ${meta.warmup} s warm-up`,
    `then ${meta.seconds} s, rounds alternated; each server's better round is shown. Compare ratios, not`,
    'absolute numbers: they vary between runs on a shared machine.',
    '',
    table,
    '',
    'Targets:',
    '',
    ...targets,
    '',
    'All rounds. CPU is the share of one core used by the server process and by the load generator; CPU',
    'per request is the least noisy figure when other work competes for the cores.',
    '',
    detail,
  ].join('\n');
  return { markdown, table };
}
