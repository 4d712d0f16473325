// Shared by the benchmarks: replaces one "## " section of BENCHMARKS.md (or appends it), keeping
// every other section as it is, so each benchmark owns only its own part of the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const TITLE = '# Benchmarks';

/** Pure: `doc` with the section headed `## ${heading}` replaced by `body` (appended if absent). */
export function replaceSection(doc: string, heading: string, body: string): string {
  const section = `## ${heading}\n\n${body.trim()}\n`;
  const lines = (doc.trim() ? doc : `${TITLE}\n`).replace(/\r\n/g, '\n').split('\n');
  // Headings inside ``` fences (a "# comment" in a shell block) are not headings.
  let fenced = false;
  const heads = lines.map((l) => {
    if (/^\s*(```|~~~)/.test(l)) fenced = !fenced;
    return !fenced && /^##? /.test(l);
  });
  const start = lines.findIndex((l, i) => heads[i] && l.trimEnd() === `## ${heading}`);
  if (start === -1) return `${lines.join('\n').trimEnd()}\n\n${section}`;
  let end = heads.findIndex((h, i) => h && i > start);
  if (end === -1) end = lines.length;
  const before = lines.slice(0, start).join('\n').trimEnd();
  const after = lines.slice(end).join('\n').trim();
  return `${before ? `${before}\n\n` : ''}${section}${after ? `\n${after}\n` : ''}`;
}

export function writeSection(file: string, heading: string, body: string): void {
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, replaceSection(doc, heading, body));
}
