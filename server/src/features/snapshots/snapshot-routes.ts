import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { invalid, PlugboardError } from '../../errors.ts';
import type { AuthVariables } from '../../http/auth.ts';
import { parseTenantId } from '../../http/path-params.ts';
import type { SnapshotService } from './snapshot-service.ts';

const querySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().positive().optional(),
});

/** Mounted at /v1/tenants/:tenant/snapshots. */
export function snapshotRoutes(deps: {
  snapshots: SnapshotService;
  requireAdmin: MiddlewareHandler<{ Variables: AuthVariables }>;
}) {
  const app = new Hono<{ Variables: AuthVariables }>();
  app.use('*', deps.requireAdmin);

  app.get('/', async (c) => {
    const q = querySchema.safeParse(c.req.query());
    if (!q.success) throw invalid('snapshot query', q.error);
    const list = await deps.snapshots.list(
      parseTenantId(c.req.param('tenant') ?? ''),
      q.data.limit,
      q.data.before,
    );
    return c.json({ snapshots: list });
  });

  app.post('/:id/restore', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw new PlugboardError(
        400,
        'INVALID_SNAPSHOT_ID',
        'The snapshot id must be a positive whole number',
        { field: 'id' },
      );
    }
    await deps.snapshots.restore(parseTenantId(c.req.param('tenant') ?? ''), id, c.get('actor'));
    return c.json({ restored: id });
  });
  return app;
}
