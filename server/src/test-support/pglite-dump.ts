import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const migrations = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Keyed by the migrations' content, so a changed schema never reuses an old dump. */
export function pgliteDumpPath(): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(migrations)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(f).update(readFileSync(join(migrations, f)));
  }
  return join(tmpdir(), `plugboard-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}
