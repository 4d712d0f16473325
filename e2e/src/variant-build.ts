// Makes "another release" of a built remote without another build: a copy of its folder with
// a visible string changed, so it gets a new content address and really is new code.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function variantOf(dist: string, from: string, to: string): string {
  const out = mkdtempSync(join(tmpdir(), 'plugboard-variant-'));
  cpSync(dist, out, { recursive: true });
  let replaced = 0;
  for (const name of readdirSync(join(out, 'assets'))) {
    if (!name.endsWith('.js')) continue;
    const file = join(out, 'assets', name);
    const text = readFileSync(file, 'utf8');
    if (text.includes(from)) {
      writeFileSync(file, text.replaceAll(from, to));
      replaced++;
    }
  }
  if (replaced === 0) throw new Error(`"${from}" is not in any chunk of ${dist}`);
  return out;
}
