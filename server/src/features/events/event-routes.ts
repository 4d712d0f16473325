// GET /v1/tenants/{tenant}/events: the tenant's live change events as Server-Sent Events. Public,
// like the manifest: events carry only the tenant id and revision, and every change means
// "refetch your manifest". The stream is written straight to the Node response and handed to the
// hub; HEAD answers the headers without opening a stream (Hono runs GET handlers for HEAD).
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import { notFound, PlugboardError } from '../../errors.ts';
import { parseTenantId } from '../../http/path-params.ts';
import type { ManifestCache } from '../resolve/manifest-cache.ts';
import { changeFrame, type EventHub, helloFrame } from './event-hub.ts';

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
} as const;

/** The revision a reconnecting client last saw, from the Last-Event-ID header. */
function lastEventId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,15}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** Mounted at /v1/tenants/:tenant/events. */
export function eventRoutes(deps: { cache: Pick<ManifestCache, 'snapshot'>; hub: EventHub }) {
  const app = new Hono<{ Bindings: Partial<HttpBindings> }>();
  app.get('/', (c) => {
    const tenant = parseTenantId(c.req.param('tenant') ?? '');
    const snapshot = deps.cache.snapshot(tenant);
    if (!snapshot) throw notFound('TENANT_NOT_FOUND', `No tenant "${tenant}"`);
    if (c.req.method === 'HEAD') return c.body(null, 200, SSE_HEADERS);

    const res = c.env?.outgoing;
    if (!res || !('writeHead' in res)) {
      throw new PlugboardError(500, 'SSE_UNAVAILABLE', 'Live events need the Node HTTP/1.1 server');
    }
    const revision = snapshot.revision;
    const seen = lastEventId(c.req.header('last-event-id'));
    res.socket?.setNoDelay(true);
    res.writeHead(200, SSE_HEADERS);
    let first = helloFrame(tenant, revision);
    // Every change means "refetch", so the latest revision is all a reconnecting client missed.
    if (seen !== null && seen < revision) first += changeFrame(tenant, revision, 'missed');
    res.write(first);
    deps.hub.subscribe(tenant, res);
    return RESPONSE_ALREADY_SENT;
  });
  return app;
}
