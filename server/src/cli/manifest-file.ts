// Reads a manifest file (YAML, or JSON by extension) the way the server's manifest loader does,
// turning every syntax error into a problem with its line and column.
import { readFileSync, statSync } from 'node:fs';
import type { ErrorIssue } from '@plugboard/shared';
import { LineCounter, parseDocument } from 'yaml';

const MAX_MANIFEST_BYTES = 1024 * 1024;

export type Problem = ErrorIssue;

export type ManifestFile = { ok: true; raw: unknown } | { ok: false; problems: Problem[] };

export function readManifestFile(file: string): ManifestFile {
  const fail = (message: string, path = '(file)'): ManifestFile => ({
    ok: false,
    problems: [{ path, message }],
  });
  let text: string;
  try {
    if (statSync(file).size > MAX_MANIFEST_BYTES) return fail(`larger than ${MAX_MANIFEST_BYTES} bytes`);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? `${file} does not exist` : `${file} cannot be read (${code})`);
  }
  if (file.endsWith('.json')) {
    try {
      return { ok: true, raw: JSON.parse(text) };
    } catch (err) {
      return fail(`not valid JSON: ${(err as Error).message}`, '(json)');
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter: lines });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const at = lines.linePos(e.pos[0]);
        return { path: `(yaml line ${at.line}, column ${at.col})`, message: e.message };
      }),
    };
  }
  try {
    return { ok: true, raw: doc.toJS({ maxAliasCount: 50 }) };
  } catch (err) {
    return fail((err as Error).message, '(yaml)');
  }
}
