// Server processes for the benchmark: each bench server runs in its own Node process (through
// tsx's loader), reports readiness over IPC, answers CPU-usage queries, and is always stopped.
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const tsxLoader = import.meta.resolve('tsx');
const running = new Set<ChildProcess>();

export type Started<T> = { proc: ChildProcess; ready: T; cpuMicros(): Promise<number> };

/** Starts bench/<script> with args; resolves with the first IPC message once the server listens. */
export function startServer<T>(name: string, script: string, args: string[], timeoutMs: number) {
  const proc = spawn(process.execPath, ['--import', tsxLoader, join(benchDir, script), ...args], {
    cwd: join(benchDir, '..'),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  running.add(proc);
  proc.once('exit', () => running.delete(proc));
  const prefix = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) console.log(`    [${name}] ${line}`);
  };
  proc.stdout?.on('data', prefix);
  proc.stderr?.on('data', prefix);

  const cpuMicros = () =>
    new Promise<number>((resolve) => {
      const onMessage = (m: { cpu?: NodeJS.CpuUsage }) => {
        if (!m.cpu) return;
        proc.off('message', onMessage);
        resolve(m.cpu.user + m.cpu.system);
      };
      proc.on('message', onMessage);
      proc.send('cpu');
    });

  return new Promise<Started<T>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    proc.once('message', (ready) => {
      clearTimeout(timer);
      resolve({ proc, ready: ready as T, cpuMicros });
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? `code ${code}`}) before it was ready`));
    });
    proc.once('error', reject);
  });
}

/** Called by a bench server: answer the parent's CPU-usage queries, exit when it goes away. */
export function serveParent(stop: () => void): void {
  process.on('message', (m) => {
    if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  });
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
}

/** SIGTERM every server still running, SIGKILL after `graceMs`. */
export async function stopAll(graceMs = 3000): Promise<void> {
  const alive = [...running];
  const exited = alive.map((p) => new Promise((r) => p.once('exit', r)));
  for (const p of alive) p.kill('SIGTERM');
  const timer = new Promise((r) => setTimeout(r, graceMs).unref());
  await Promise.race([Promise.all(exited), timer]);
  for (const p of running) p.kill('SIGKILL');
}
