// plugboard publish and validate against a real HTTP server over a test database.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliServer,
  cli,
  sampleManifest,
  startCliServer,
  TOKEN,
  tempDir,
  writeFiles,
  writeRemote,
} from './cli-test-kit.ts';

let s: CliServer;
let tmp: ReturnType<typeof tempDir>;
const auth = () => ['--server', s.url, '--token', TOKEN];

beforeAll(async () => {
  s = await startCliServer();
  tmp = tempDir();
});
afterAll(async () => {
  await s?.close();
  tmp?.remove();
});

describe('plugboard publish', () => {
  it('publishes a manifest and its build folder, then says the same content is already there', async () => {
    const file = writeRemote(join(tmp.dir, 'ok'));
    const first = await cli(['publish', file, ...auth()]);
    expect(first.stderr).toMatch(/checked acme\.clients@1\.0\.0: 2 files, \d+ B in/);
    expect(first.stderr).toMatch(/uploading [\d.]+ (B|KB) to http:\/\/127\.0\.0\.1:\d+…/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('published acme.clients@1.0.0');
    expect(first.stdout).toMatch(new RegExp(`entry\\s+${s.url}/artifacts/[0-9a-f]{64}/remoteEntry\\.js`));
    expect(first.stdout).toMatch(/integrity\s+sha384-/);

    const entry = /entry\s+(\S+)/.exec(first.stdout)?.[1] ?? '';
    expect((await fetch(entry)).status).toBe(200);

    const again = await cli(['publish', file, ...auth()]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('acme.clients@1.0.0 is already published with the same content');
  });

  it('refuses other content under the same version and says to bump it', async () => {
    const file = writeRemote(join(tmp.dir, 'changed'), { entry: 'export const changed = 1;' });
    const res = await cli(['publish', file, ...auth()]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('HTTP 409 RELEASE_EXISTS');
    expect(res.stderr).toContain('field: manifest.version');
    expect(res.stderr).toContain('hint: releases are immutable: bump version');
  });

  it('takes --dist instead of remote.artifact, and reads JSON manifests', async () => {
    const dir = join(tmp.dir, 'json');
    writeFiles(dir, {
      'build/out/remoteEntry.js': 'export const v = 2;',
      'module.json': JSON.stringify(sampleManifest({ version: '1.1.0', remote: { name: 'acme_clients' } })),
    });
    const res = await cli(['publish', 'module.json', '--dist', 'build/out', '--json', ...auth()], {
      cwd: dir,
    });
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({
      ok: true,
      created: true,
      release: { moduleId: 'acme.clients', version: '1.1.0' },
    });
    expect(out.release.entryUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/artifacts\//);
  });

  it('with a wrong or missing token fails and says where the token is', async () => {
    const file = writeRemote(join(tmp.dir, 'token'), { manifest: sampleManifest({ version: '3.0.0' }) });
    const wrong = await cli(['publish', file, '--server', s.url, '--token', 'nope']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('HTTP 401 INVALID_TOKEN');
    expect(wrong.stderr).toContain('hint: pass --token or set PLUGBOARD_TOKEN');
    expect(wrong.stderr).toContain('.data/admin-token');
    const none = await cli(['publish', file, '--json'], { env: { PLUGBOARD_URL: s.url } });
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({
      ok: false,
      error: { status: 401, code: 'UNAUTHENTICATED', field: 'authorization' },
      hint: expect.stringContaining('PLUGBOARD_TOKEN'),
    });
    const modules = (await (await fetch(`${s.url}/v1/modules`)).json()) as {
      modules: { versions: string[] }[];
    };
    expect(modules.modules[0]?.versions).not.toContain('3.0.0');
  });

  it('lists every problem of an invalid manifest locally and uploads nothing', async () => {
    const before = await s.h.fingerprint();
    const file = writeRemote(join(tmp.dir, 'invalid'), {
      manifest: sampleManifest({
        id: 'Acme Clients',
        version: 'one',
        remote: { name: 'acme-clients', artifact: './dist', entryFile: 'missing.js' },
        routes: [{ path: 'clients', expose: './ClientList', title: 'Clients' }],
        colour: 'red',
      }),
    });
    const res = await cli(['publish', file, ...auth()]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('invalid/module.yaml: 6 problems');
    for (const field of ['id', 'version', 'remote.name', 'routes.0.path', 'colour', 'remote.entryFile']) {
      expect(res.stderr).toMatch(new RegExp(`^  ${field.replace('.', '\\.')}: `, 'm'));
    }
    expect(res.stderr).toContain('nothing was uploaded');
    expect(res.stderr).not.toContain('uploading');
    expect(await s.h.fingerprint()).toBe(before);
  });

  it('says when the build folder is missing', async () => {
    const dir = join(tmp.dir, 'unbuilt');
    writeFiles(dir, { 'm.yaml': JSON.stringify(sampleManifest({ version: '4.0.0' })) });
    const res = await cli(['publish', join(dir, 'm.yaml'), ...auth()]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(
      /remote\.artifact: the artifact folder .*dist does not exist: build the remote/,
    );
  });

  it('says to start the server when nothing listens', async () => {
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
    });
    const file = writeRemote(join(tmp.dir, 'offline'));
    const res = await cli(['publish', file, '--server', `http://127.0.0.1:${port}`, '--token', TOKEN]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`could not reach the server at http://127.0.0.1:${port} (ECONNREFUSED)`);
    expect(res.stderr).toContain('hint: is the server running? start it with npm start');
  });
});

describe('plugboard validate', () => {
  it('accepts a valid manifest and describes its build folder, without a server', async () => {
    const file = writeRemote(join(tmp.dir, 'valid'));
    const res = await cli(['validate', file], { env: { PLUGBOARD_URL: 'http://127.0.0.1:9' } });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('acme.clients@1.0.0: the manifest is valid');
    expect(res.stdout).toMatch(/artifact: 2 files, \d+ B in .*dist, entry remoteEntry\.js/);
  });

  it('reports problems as JSON with --json', async () => {
    const file = writeRemote(join(tmp.dir, 'invalid-json'), {
      manifest: sampleManifest({ navigation: [{ label: 'x', path: '/v1/x' }] }),
    });
    const res = await cli(['validate', file, '--json']);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({
      ok: false,
      problems: [{ path: 'navigation.0.path', message: expect.stringContaining('reserved') }],
    });
  });
});
