// A release's built files: validated (paths, sizes, count) and content-addressed.
import { createHash } from 'node:crypto';
import { PlugboardError } from '../../errors.ts';

export type BundleFile = { path: string; content: Uint8Array; sha256: string; contentType: string };
export type Bundle = { hash: string; files: BundleFile[]; totalSize: number };

export const BUNDLE_LIMITS = {
  maxFiles: 500,
  maxFileBytes: 5 * 1024 * 1024,
  maxTotalBytes: 20 * 1024 * 1024,
};

const SEGMENT = /^[A-Za-z0-9_@+~-][A-Za-z0-9_.@+~-]*$/;

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  txt: 'text/plain; charset=utf-8',
  wasm: 'application/wasm',
};

export function contentTypeFor(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** Refuses anything but a plain relative path: no "..", no absolute paths, no hidden tricks. */
export function checkBundlePath(path: string, field: string): void {
  const fail = (why: string) =>
    new PlugboardError(400, 'INVALID_ARTIFACT_PATH', `Artifact file "${path.slice(0, 200)}" ${why}`, {
      field,
    });
  if (path.length === 0 || path.length > 300) throw fail('must have a path of 1–300 characters');
  if (path.includes('\\') || path.includes('\0')) throw fail('must use "/" separators and no NUL bytes');
  if (path.startsWith('/')) throw fail('must be a relative path');
  for (const segment of path.split('/')) {
    if (segment === '..' || segment === '.') throw fail('must not contain "." or ".." segments');
    if (!SEGMENT.test(segment))
      throw fail(`has a segment "${segment.slice(0, 60)}" with characters not allowed`);
  }
}

export const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
export const sriSha384 = (data: Uint8Array) => `sha384-${createHash('sha384').update(data).digest('base64')}`;

export function buildBundle(input: { path: string; content: Uint8Array }[]): Bundle {
  if (input.length === 0)
    throw new PlugboardError(400, 'EMPTY_ARTIFACT', 'The artifact has no files', { field: 'files' });
  if (input.length > BUNDLE_LIMITS.maxFiles) {
    throw new PlugboardError(
      413,
      'ARTIFACT_TOO_LARGE',
      `An artifact may hold at most ${BUNDLE_LIMITS.maxFiles} files`,
      {
        field: 'files',
      },
    );
  }
  const seen = new Set<string>();
  let totalSize = 0;
  const files: BundleFile[] = input.map((f, i) => {
    checkBundlePath(f.path, `files.${i}.path`);
    if (seen.has(f.path)) {
      throw new PlugboardError(400, 'DUPLICATE_ARTIFACT_PATH', `Artifact file "${f.path}" is listed twice`, {
        field: `files.${i}.path`,
      });
    }
    seen.add(f.path);
    if (f.content.byteLength > BUNDLE_LIMITS.maxFileBytes) {
      throw new PlugboardError(
        413,
        'ARTIFACT_TOO_LARGE',
        `Artifact file "${f.path}" is ${f.content.byteLength} bytes; the limit is ${BUNDLE_LIMITS.maxFileBytes}`,
        { field: `files.${i}.content` },
      );
    }
    totalSize += f.content.byteLength;
    return {
      path: f.path,
      content: f.content,
      sha256: sha256Hex(f.content),
      contentType: contentTypeFor(f.path),
    };
  });
  if (totalSize > BUNDLE_LIMITS.maxTotalBytes) {
    throw new PlugboardError(
      413,
      'ARTIFACT_TOO_LARGE',
      `The artifact is ${totalSize} bytes; the limit is ${BUNDLE_LIMITS.maxTotalBytes}`,
      {
        field: 'files',
      },
    );
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = sha256Hex(files.map((f) => `${f.path}\0${f.sha256}\n`).join(''));
  return { hash, files, totalSize };
}
