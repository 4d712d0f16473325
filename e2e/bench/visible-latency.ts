// Benchmark: time from an API change to the module visible (or gone) in an open Chromium page,
// through the real server, event stream and shell. Writes the "Change to visible module" section
// of BENCHMARKS.md. Run by `npm run bench`; alone: server/node_modules/.bin/tsx e2e/bench/visible-latency.ts
import { cpus } from 'node:os';
import { join } from 'node:path';
import { writeSection } from '../../server/bench/write-section.ts';
import { api, publishFromFile } from '../src/api.ts';
import { launchBrowser } from '../src/browser.ts';
import { repoRoot, startServer } from '../src/server-process.ts';

const CHANGES = 20;
const TARGET_MEDIAN_MS = 300;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

export async function measureVisibleLatency(log: (m: string) => void = console.log) {
  log('visible latency: starting the server and Chromium');
  const server = await startServer({ PLUGBOARD_WATCH: '0' });
  const browser = await launchBrowser();
  try {
    await publishFromFile(
      server,
      join(repoRoot, 'remotes/faulty/manifest.yaml'),
      join(repoRoot, 'remotes/faulty/dist'),
    );
    const page = await browser.newPage();
    await page.goto(`${server.url}/clients?tenant=acme`);
    await page.locator('[data-testid="clients-list"]').waitFor();
    const samples: { change: string; ms: number }[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const installing = i % 2 === 0;
      // The page itself notes the moment the navigation entry appears or goes, so the figure
      // includes the server, the event stream, the refetch and React's commit, nothing of ours.
      // A string, not a function: the TypeScript runner would wrap a function with helpers the
      // page does not have.
      const seen = page.evaluate(`new Promise((resolve) => {
        const visible = () => [...document.querySelectorAll('[data-testid="nav-link"]')]
          .some((e) => e.textContent === 'Faulty fine');
        if (visible() === ${installing}) return resolve(Date.now());
        const observer = new MutationObserver(() => {
          if (visible() === ${installing}) { observer.disconnect(); resolve(Date.now()); }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      })`) as Promise<number>;
      await page.waitForTimeout(50);
      const started = Date.now();
      if (installing)
        await api(server, 'PUT', '/v1/tenants/acme/installations/plugboard.faulty', { version: '1.0.0' });
      else await api(server, 'DELETE', '/v1/tenants/acme/installations/plugboard.faulty');
      const ms = (await seen) - started;
      samples.push({ change: installing ? 'install' : 'uninstall', ms });
      log(`visible latency: change ${i + 1}/${CHANGES} (${installing ? 'install' : 'uninstall'}): ${ms} ms`);
    }
    return samples;
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function report(samples: { change: string; ms: number }[]): string {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    'Command: `npm run bench` (runs `e2e/bench/visible-latency.ts`)',
    '',
    `Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${cpu}, ${cpus().length} cores, Node ${process.version}`,
    '',
    `A Chromium page of the built shell stays open on the acme tenant while the API alternately installs`,
    `and uninstalls a module (${samples.length} changes). Measured from sending the API call to the`,
    'moment the page shows (or stops showing) the module’s navigation entry, noted by the page itself.',
    '',
    '| changes | median ms | p90 ms | max ms |',
    '|---:|---:|---:|---:|',
    `| ${samples.length} | ${median} | ${percentile(sorted, 90)} | ${sorted.at(-1)} |`,
    '',
    `Target: median under ${TARGET_MEDIAN_MS} ms: **${median < TARGET_MEDIAN_MS ? 'met' : 'missed'}** (${median} ms).`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const samples = await measureVisibleLatency();
  const body = report(samples);
  writeSection(join(repoRoot, 'BENCHMARKS.md'), 'Change to visible module', body);
  console.log(body);
}
