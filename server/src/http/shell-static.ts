// Serves the built shell: hashed assets cached forever, every other path gets index.html so the
// shell's router can take it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Context } from 'hono';
import { contentTypeFor } from '../features/artifacts/bundle.ts';

type StaticFile = { body: Uint8Array; type: string };

function readTree(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile()) {
        const rel = `/${relative(root, full).split(sep).join('/')}`;
        files.set(rel, { body: readFileSync(full), type: contentTypeFor(rel) });
      }
    }
  };
  walk(root);
  return files;
}

export function shellStatic(distDir: string) {
  const files = existsSync(join(distDir, 'index.html')) ? readTree(distDir) : null;
  return (c: Context) => {
    if (!files) {
      return c.text(
        'The shell is not built yet: run "npm start" at the repository root, which builds it.',
        503,
      );
    }
    const file = files.get(c.req.path);
    if (file && c.req.path !== '/index.html') {
      c.header(
        'Cache-Control',
        c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      c.header('Content-Type', file.type);
      return c.body(file.body as Uint8Array<ArrayBuffer>);
    }
    const index = files.get('/index.html');
    if (!index) return c.notFound();
    c.header('Cache-Control', 'no-cache');
    c.header('Content-Type', 'text/html; charset=utf-8');
    return c.body(index.body as Uint8Array<ArrayBuffer>);
  };
}
