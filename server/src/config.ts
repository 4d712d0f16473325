// Settings from the environment, with defaults that work on a fresh clone.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  manifestsDir: string;
  shellDist: string;
  watch: boolean;
  trustProxy: boolean;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.PLUGBOARD_DATA_DIR ?? join(repoRoot, '.data')),
    databaseUrl: env.DATABASE_URL || undefined,
    manifestsDir: resolve(env.PLUGBOARD_MANIFESTS_DIR ?? join(repoRoot, 'manifests')),
    shellDist: resolve(env.PLUGBOARD_SHELL_DIST ?? join(repoRoot, 'shell', 'dist')),
    watch: env.PLUGBOARD_WATCH !== '0',
    trustProxy: env.PLUGBOARD_TRUST_PROXY === '1',
  };
}

/** The admin token: from the environment, or generated once and kept in the data folder. */
export function adminToken(
  env: NodeJS.ProcessEnv,
  dataDir: string,
): { token: string; generated: boolean; file: string } {
  const file = join(dataDir, 'admin-token');
  if (env.PLUGBOARD_ADMIN_TOKEN) return { token: env.PLUGBOARD_ADMIN_TOKEN, generated: false, file };
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), generated: false, file };
  mkdirSync(dataDir, { recursive: true });
  const token = `pb_${randomBytes(24).toString('base64url')}`;
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, generated: true, file };
}
