// Local checks of a manifest and its build folder, without a server.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { sriSha384 } from '../features/artifacts/bundle.ts';
import { sampleManifest, tempDir, writeFiles } from './cli-test-kit.ts';
import { checkLocalRelease } from './local-release.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());
let n = 0;

/** Writes a manifest (YAML text or data) beside a build folder and checks it. */
function check(
  manifest: string | Record<string, unknown>,
  dist: Record<string, string> = { 'remoteEntry.js': 'x' },
) {
  const dir = join(tmp.dir, `case-${++n}`);
  writeFiles(dir, Object.fromEntries(Object.entries(dist).map(([p, c]) => [`dist/${p}`, c])));
  writeFiles(dir, { 'm.yaml': typeof manifest === 'string' ? manifest : stringify(manifest) });
  return { dir, result: checkLocalRelease(join(dir, 'm.yaml')) };
}
const problems = (r: ReturnType<typeof checkLocalRelease>) => (r.ok ? [] : r.problems);

describe('checking a release locally', () => {
  it('accepts a valid manifest and reads its build folder', () => {
    const { result } = check(sampleManifest(), { 'remoteEntry.js': 'entry', 'a/b.js': 'bb' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.release.manifest.id).toBe('acme.clients');
    expect(result.release.artifact?.files.map((f) => f.path)).toEqual(['a/b.js', 'remoteEntry.js']);
    expect(result.release.artifact?.totalBytes).toBe(7);
  });

  it('reports YAML syntax errors with line and column', () => {
    const { result } = check('id: acme.clients\nname: [unclosed\nversion: 1.0.0\n');
    expect(problems(result)[0]?.path).toMatch(/^\(yaml line \d+, column \d+\)$/);
  });

  it('reports duplicate keys and a manifest that is not a mapping', () => {
    expect(problems(check('id: a.b\nid: c.d\n').result)[0]?.message).toMatch(/unique/i);
    expect(problems(check('- 1\n- 2\n').result)).toEqual([
      { path: '(root)', message: 'the manifest must be a mapping of fields' },
    ]);
  });

  it('says a file that does not exist does not exist', () => {
    const r = checkLocalRelease(join(tmp.dir, 'nope.yaml'));
    expect(problems(r)[0]?.message).toContain('does not exist');
  });

  it('refuses links in the build folder, as the server does', () => {
    const dir = join(tmp.dir, 'linked');
    writeFiles(dir, { 'dist/remoteEntry.js': 'x', 'm.yaml': stringify(sampleManifest()), 'secret.txt': 's' });
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'dist', 'secret.txt'));
    const r = checkLocalRelease(join(dir, 'm.yaml'));
    expect(problems(r)).toEqual([
      { path: 'remote.artifact', message: 'secret.txt is a link; artifacts may only hold plain files' },
    ]);
  });

  it('checks a declared integrity against the entry file', () => {
    const bad = check(
      sampleManifest({
        remote: { name: 'acme_clients', artifact: './dist', integrity: `sha384-${'A'.repeat(64)}` },
      }),
    );
    expect(problems(bad.result)[0]?.path).toBe('remote.integrity');
    const good = check(
      sampleManifest({
        remote: { name: 'acme_clients', artifact: './dist', integrity: sriSha384(Buffer.from('x')) },
      }),
    );
    expect(good.result.ok).toBe(true);
  });

  it('needs a build folder or a hosted entry, and not both', () => {
    expect(problems(check(sampleManifest({ remote: { name: 'acme_clients' } })).result)[0]?.path).toBe(
      'remote.artifact',
    );
    const hosted = {
      name: 'acme_clients',
      entry: 'https://cdn.example.com/remoteEntry.js',
      integrity: sriSha384(Buffer.from('x')),
    };
    const { dir, result } = check(sampleManifest({ remote: hosted }));
    expect(result.ok && result.release.artifact).toBe(undefined);
    const both = checkLocalRelease(join(dir, 'm.yaml'), { dist: join(dir, 'dist') });
    expect(problems(both).map((p) => p.path)).toEqual(['remote.entry']);
  });

  it('refuses file names the server would refuse', () => {
    const { result } = check(sampleManifest(), { 'remoteEntry.js': 'x', 'bad name.js': 'y' });
    expect(problems(result)[0]).toMatchObject({
      path: 'remote.artifact',
      message: expect.stringContaining('bad name.js'),
    });
  });
});
