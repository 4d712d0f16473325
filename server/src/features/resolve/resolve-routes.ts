import { Hono } from 'hono';
import { PlugboardError } from '../../errors.ts';
import { parseTenantId } from '../../http/path-params.ts';
import type { ManifestCache } from './manifest-cache.ts';

const USER_ID = /^[A-Za-z0-9_.@-]{1,128}$/;

/** Mounted at /v1/tenants/:tenant/manifest. Public: it is what every shell boots from. */
export function resolveRoutes(deps: { cache: ManifestCache }) {
  const app = new Hono();
  app.get('/', (c) => {
    const tenant = parseTenantId(c.req.param('tenant') ?? '');
    const user = c.req.query('user') ?? 'anonymous';
    if (!USER_ID.test(user)) {
      throw new PlugboardError(400, 'INVALID_USER', 'user must be 1–128 letters, digits or "_.@-"', {
        field: 'user',
      });
    }
    const served = deps.cache.get(tenant, user);
    c.header('ETag', served.etag);
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Authorization');
    if (c.req.header('if-none-match') === served.etag) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(served.body as Uint8Array<ArrayBuffer>);
  });
  return app;
}
