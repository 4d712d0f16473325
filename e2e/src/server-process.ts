// Starts the real Plugboard server (the same entry point as `npm start`) on a free port with a
// fresh data folder, and stops it afterwards. A test can also restart it on the same port and
// data folder (stop with keepDataDir, then start again with { port, dataDir }), or kill it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export type RunningServer = {
  url: string;
  token: string;
  dataDir: string;
  output(): string;
  /** Stops the server (SIGTERM) and, unless `keepDataDir`, deletes its data folder. */
  stop(options?: { keepDataDir?: boolean }): Promise<void>;
  /** Sends `signal` and waits for the process to exit; the data folder stays. */
  kill(signal?: NodeJS.Signals): Promise<void>;
};

export type StartOptions = {
  /** Listen on this port instead of a free one (e.g. to restart where a page expects it). */
  port?: number;
  /** Use this data folder (e.g. a stopped server's) instead of a fresh one. */
  dataDir?: string;
};

export async function startServer(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'plugboard-e2e-'));
  const token = 'e2e-admin-token';
  // One process, not the tsx launcher (which runs the server in a child of its own): a signal
  // sent here must reach the server itself, SIGKILL included.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(repoRoot, 'server'),
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      PLUGBOARD_DATA_DIR: dataDir,
      PLUGBOARD_ADMIN_TOKEN: token,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    }
  };
  return {
    url,
    token,
    dataDir,
    output: () => output,
    kill,
    async stop(stopOptions = {}) {
      await kill('SIGTERM');
      if (!stopOptions.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
