#!/usr/bin/env node
// The two quick-start commands: `npm start` and `npm test` (and `npm run bench`). Plain Node, no
// dependencies: it has to run on a fresh clone before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = 'pnpm@10.34.9';
const env = { ...process.env, COREPACK_INTEGRITY_KEYS: '0', COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' };

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...opts.env } });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function must(step, cmd, args, opts) {
  console.log(`\n▶ ${step}`);
  const status = run(cmd, args, opts);
  if (status !== 0) {
    console.error(`\n✖ ${step} failed (exit ${status}).${opts?.hint ? ` ${opts.hint}` : ''}`);
    process.exit(status);
  }
}

const pnpm = (args) => ['--yes', PNPM, ...args];
const bin = (name) => join(root, 'node_modules', '.bin', name);

function install() {
  must('Installing dependencies (pnpm, from the lockfile)', 'npx', pnpm(['install', '--frozen-lockfile']), {
    hint: 'Check that the npm registry is reachable; delete node_modules and retry if it is corrupted.',
  });
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  console.log('\n▶ Installing Chromium from Debian for the browser tests');
  const cmd = (args) => (sudo.length ? run('sudo', args) : run(args[0], args.slice(1)));
  if (cmd(['apt-get', 'update', '-qq']) !== 0 || cmd(['apt-get', 'install', '-y', '-qq', 'chromium']) !== 0) {
    console.error(
      '✖ Could not install chromium with apt-get; install it (apt-get install chromium) and retry.',
    );
    process.exit(1);
  }
}

function postgresReachable() {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: 5432 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// Each vitest run also writes a JSON report, so the run ends with one line counting every test.
const reports = [];
function report(name) {
  const file = join(root, 'node_modules', '.cache', `plugboard-test-${name}.json`);
  rmSync(file, { force: true });
  reports.push(file);
  return ['--reporter=default', '--reporter=json', `--outputFile.json=${file}`];
}

function printTotals() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of reports) {
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
  }
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

async function test() {
  install();
  ensureChromium();
  await buildAll(root);
  must('Lint and format check (Biome)', bin('biome'), ['check', '.'], {
    hint: 'Run "npx biome check --write ." to fix formatting.',
  });
  must('Type check', 'npx', pnpm(['-r', '--workspace-concurrency=2', 'run', 'typecheck']));
  must('Unit tests and server integration tests on PGlite', bin('vitest'), ['run', ...report('unit')]);
  if (await postgresReachable()) {
    const url = process.env.PLUGBOARD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    must(
      'Server integration tests on PostgreSQL',
      bin('vitest'),
      ['run', '--project', 'server', ...report('pg')],
      {
        env: { PLUGBOARD_TEST_DATABASE_URL: url },
      },
    );
  } else {
    console.log(
      '\n• No PostgreSQL on 127.0.0.1:5432: the PostgreSQL run of the integration tests is skipped.',
    );
  }
  must('End-to-end tests in Chromium', bin('vitest'), ['run', '--root', 'e2e', ...report('e2e')]);
  console.log('\n✔ All tests passed.');
  printTotals();
}

async function start() {
  install();
  await buildAll(root);
  // The server runs in this child directly (not under the tsx launcher), so signals reach it.
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(root, 'server'),
    stdio: 'inherit',
    env,
  });
  const status = r.status ?? 1;
  process.exit(status);
}

async function bench() {
  install();
  await buildAll(root);
  const tsx = join(root, 'server', 'node_modules', '.bin', 'tsx');
  must('Benchmark: resolved manifest against plain node:http', tsx, ['server/bench/run.ts']);
  must('Benchmark: live propagation to open event streams', tsx, ['server/bench/propagation.ts']);
  must('Benchmark: API change to module visible in Chromium', tsx, ['e2e/bench/visible-latency.ts']);
  console.log('\n✔ Results written to BENCHMARKS.md.');
}

const command = process.argv[2];
const commands = { start, test, bench };
if (!commands[command]) {
  console.error('usage: node scripts/plugboard.mjs start|test|bench');
  process.exit(2);
}
await commands[command]();
