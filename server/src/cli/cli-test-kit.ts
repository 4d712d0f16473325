// Test helpers for the CLI: a real HTTP server over a test database, a captured Io, and a
// remote (manifest + build folder) written to a temporary folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import { stringify } from 'yaml';
import { createHarness, type Harness, TOKEN } from '../test-support/harness.ts';
import type { Io } from './io.ts';
import { run } from './main.ts';

export { TOKEN };

export type CliServer = { h: Harness; url: string; close(): Promise<void> };

export async function startCliServer(): Promise<CliServer> {
  const h = await createHarness();
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => done(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    h,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((done) => server.close(done));
      await h.close();
    },
  };
}

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the CLI in-process with the given environment and working folder. */
export async function cli(
  argv: string[],
  opts: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    interactive: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'plugboard-cli-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** A valid module manifest as YAML data; `artifact` is relative to the manifest file. */
export const sampleManifest = (overrides: Record<string, unknown> = {}) => ({
  id: 'acme.clients',
  name: 'Clients',
  version: '1.0.0',
  description: 'Client list',
  remote: { name: 'acme_clients', artifact: './dist' },
  routes: [{ path: '/clients', expose: './ClientList', title: 'Clients' }],
  navigation: [{ label: 'Clients', path: '/clients' }],
  config: {
    type: 'object',
    properties: { pageSize: { type: 'integer', default: 10, minimum: 5, maximum: 100 } },
  },
  ...overrides,
});

/** Writes `<dir>/<name>.yaml` and a build folder `<dir>/dist`; returns the manifest path. */
export function writeRemote(
  dir: string,
  opts: { manifest?: Record<string, unknown>; name?: string; entry?: string } = {},
): string {
  writeFiles(dir, {
    'dist/remoteEntry.js': opts.entry ?? 'export const get = () => null; export const init = () => {};',
    'dist/assets/chunk.js': 'export default 1;',
  });
  const file = join(dir, `${opts.name ?? 'module'}.yaml`);
  writeFileSync(file, stringify(opts.manifest ?? sampleManifest()));
  return file;
}
