// Admin calls the tests make through the real HTTP API.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { RunningServer } from './server-process.ts';

export async function api(server: RunningServer, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

export function readDist(dir: string): { path: string; content: string }[] {
  const out: { path: string; content: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ path: relative(dir, full), content: readFileSync(full).toString('base64') });
    }
  };
  walk(dir);
  return out;
}

/** Publishes a manifest file with its built folder, as a module author would. */
export async function publishFromFile(
  server: RunningServer,
  manifestFile: string,
  distDir: string,
  overrides: object = {},
) {
  const manifest = { ...parse(readFileSync(manifestFile, 'utf8')), ...overrides };
  delete manifest.remote.artifact;
  return api(server, 'POST', `/v1/modules/${manifest.id}/releases`, { manifest, files: readDist(distDir) });
}
