// Serves release files. Content-addressed, so every response is immutable and cacheable by any
// CDN; CORS is open because shells on other origins load remotes from here.
import { Hono } from 'hono';
import { PlugboardError } from '../../errors.ts';
import type { createArtifactStore } from './artifact-store.ts';
import { checkBundlePath } from './bundle.ts';

type File = { body: Uint8Array; contentType: string; etag: string };

export function artifactRoutes(deps: {
  artifacts: ReturnType<typeof createArtifactStore>;
  cacheBytes?: number;
}) {
  const app = new Hono();
  const cache = new Map<string, File>();
  let cached = 0;
  const limit = deps.cacheBytes ?? 64 * 1024 * 1024;

  app.use('*', async (c, next) => {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
    c.header('X-Content-Type-Options', 'nosniff');
  });

  app.get('/:hash/*', async (c) => {
    const hash = c.req.param('hash');
    const path = decodeURIComponent(c.req.path.slice(c.req.path.indexOf(hash) + hash.length + 1));
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new PlugboardError(404, 'ARTIFACT_NOT_FOUND', 'No such artifact');
    try {
      checkBundlePath(path, 'path');
    } catch {
      throw new PlugboardError(404, 'ARTIFACT_NOT_FOUND', 'No such artifact file');
    }
    const key = `${hash}/${path}`;
    let file = cache.get(key);
    if (!file) {
      const row = await deps.artifacts.getFile(hash, path);
      if (!row)
        throw new PlugboardError(
          404,
          'ARTIFACT_NOT_FOUND',
          `No file "${path}" in artifact ${hash.slice(0, 12)}…`,
        );
      file = { body: row.content, contentType: row.contentType, etag: `"${row.sha256}"` };
      if (cached + file.body.byteLength > limit) {
        cache.clear();
        cached = 0;
      }
      cache.set(key, file);
      cached += file.body.byteLength;
    }
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('ETag', file.etag);
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304);
    c.header('Content-Type', file.contentType);
    return c.body(file.body as Uint8Array<ArrayBuffer>);
  });
  return app;
}
