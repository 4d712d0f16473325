// The bin launcher runs the TypeScript CLI through tsx from any working folder.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, writeRemote } from './cli-test-kit.ts';

const LAUNCHER = fileURLToPath(new URL('../../bin/plugboard.mjs', import.meta.url));
const tmp = tempDir();
afterAll(() => tmp.remove());

const launch = async (args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [LAUNCHER, ...args], {
      cwd: tmp.dir,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('server/bin/plugboard.mjs', () => {
  it('runs the TypeScript CLI from another working folder, with its exit codes', {
    timeout: 60_000,
  }, async () => {
    const help = await launch(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: plugboard <command>');

    writeRemote(tmp.dir);
    const valid = await launch(['validate', 'module.yaml']);
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toContain('acme.clients@1.0.0: the manifest is valid');
    expect(valid.stdout).toContain('in dist, entry remoteEntry.js');

    expect((await launch(['validate', 'missing.yaml'])).code).toBe(1);
    expect((await launch(['nonsense'])).code).toBe(2);
  });
});
