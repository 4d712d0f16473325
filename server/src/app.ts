// Builds the HTTP application from its services. No I/O happens here beyond what the services do,
// so tests create the app over a real database and call app.request().
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isUniqueViolation, PlugboardError } from './errors.ts';
import { artifactRoutes } from './features/artifacts/artifact-routes.ts';
import { auditRoutes } from './features/audit/audit-routes.ts';
import { eventRoutes } from './features/events/event-routes.ts';
import { installationRoutes } from './features/installations/installation-routes.ts';
import { moduleRoutes } from './features/modules/module-routes.ts';
import { resolveRoutes } from './features/resolve/resolve-routes.ts';
import { rolloutRoutes } from './features/rollouts/rollout-routes.ts';
import { snapshotRoutes } from './features/snapshots/snapshot-routes.ts';
import { telemetryRoutes } from './features/telemetry/telemetry-routes.ts';
import { tenantRoutes } from './features/tenants/tenant-routes.ts';
import { type AuthVariables, requireAdmin } from './http/auth.ts';
import { limitBody } from './http/body-limit.ts';
import { shellStatic } from './http/shell-static.ts';
import { openApiDocument } from './openapi.ts';
import type { Services } from './services.ts';

export type AppOptions = {
  /** Take client addresses from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
  adminToken: string;
  shellDist?: string;
  maxUploadBytes?: number;
  log?: (msg: string) => void;
};

export function createApp(services: Services, options: AppOptions) {
  const app = new Hono<{ Variables: AuthVariables }>();
  const admin = requireAdmin(options.adminToken);
  const log = options.log ?? ((m: string) => console.error(m));

  app.onError((err, c) => {
    if (err instanceof PlugboardError) return c.json(err.toJSON(), err.status);
    if (isUniqueViolation(err)) {
      // Two requests raced to create the same thing; the other one won.
      const conflict = new PlugboardError(
        409,
        'CONFLICT',
        'Someone else made the same change at the same moment; reload and retry',
      );
      return c.json(conflict.toJSON(), 409);
    }
    if (err instanceof HTTPException) {
      return c.json({ error: { code: 'HTTP_ERROR', message: err.message || 'Request failed' } }, err.status);
    }
    log(`[plugboard] unexpected error on ${c.req.method} ${c.req.path}: ${(err as Error).stack ?? err}`);
    return c.json(
      { error: { code: 'INTERNAL', message: 'Something went wrong on the server; it has been logged' } },
      500,
    );
  });
  app.notFound((c) =>
    c.json({ error: { code: 'NOT_FOUND', message: `No route for ${c.req.method} ${c.req.path}` } }, 404),
  );

  app.get('/healthz', (c) => c.json({ ok: true, database: services.databaseKind }));
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument()));

  const maxUpload = options.maxUploadBytes ?? 30 * 1024 * 1024;
  // Everything but release uploads is small; uploads carry base64 files and get their own limit.
  // Requests without a body skip the limiter: it makes the Node adapter build a full Request,
  // which was most of the cost of serving a resolved manifest.
  const smallBodies = limitBody(1024 * 1024);
  app.use('/v1/*', async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    if (method === 'POST' && /^\/v1\/modules\/[^/]+\/releases$/.test(c.req.path)) return next();
    return smallBodies(c, next);
  });

  app.route(
    '/v1/modules',
    moduleRoutes({
      releases: services.releases,
      modules: services.uow.stores.modules,
      requireAdmin: admin,
      maxUploadBytes: maxUpload,
    }),
  );
  app.route(
    '/v1/tenants/:tenant/installations',
    installationRoutes({ installations: services.installations, requireAdmin: admin }),
  );
  app.route(
    '/v1/tenants/:tenant/installations/:moduleId/rollout',
    rolloutRoutes({ rollouts: services.rollouts, requireAdmin: admin }),
  );
  app.route(
    '/v1/tenants/:tenant/snapshots',
    snapshotRoutes({ snapshots: services.snapshots, requireAdmin: admin }),
  );
  app.route('/v1/tenants/:tenant/manifest', resolveRoutes({ cache: services.cache }));
  app.route('/v1/tenants/:tenant/events', eventRoutes({ cache: services.cache, hub: services.hub }));
  app.route('/v1/tenants', tenantRoutes({ tenants: services.tenants, requireAdmin: admin }));
  app.route('/v1/audit', auditRoutes({ audit: services.uow.stores.audit, requireAdmin: admin }));
  app.route(
    '/v1/telemetry',
    telemetryRoutes({ telemetry: services.telemetry, trustProxy: options.trustProxy ?? false }),
  );
  app.all('/v1/*', (c) =>
    c.json({ error: { code: 'NOT_FOUND', message: `No route for ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.route('/artifacts', artifactRoutes({ artifacts: services.uow.stores.artifacts }));
  if (options.shellDist) app.get('*', shellStatic(options.shellDist));
  return app;
}
