import { moduleIdSchema, tenantIdSchema } from '@plugboard/shared';
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { invalid } from '../../errors.ts';
import type { AuthVariables } from '../../http/auth.ts';
import type { createAuditStore } from './audit-store.ts';

const querySchema = z.strictObject({
  tenant: tenantIdSchema.optional(),
  module: moduleIdSchema.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function auditRoutes(deps: {
  audit: ReturnType<typeof createAuditStore>;
  requireAdmin: MiddlewareHandler<{ Variables: AuthVariables }>;
}) {
  const app = new Hono<{ Variables: AuthVariables }>();
  app.get('/', deps.requireAdmin, async (c) => {
    const parsed = querySchema.safeParse(c.req.query());
    if (!parsed.success) throw invalid('audit query', parsed.error);
    const q = parsed.data;
    const entries = await deps.audit.list({
      limit: q.limit,
      ...(q.tenant ? { tenantId: q.tenant } : {}),
      ...(q.module ? { moduleId: q.module } : {}),
      ...(q.before ? { before: q.before } : {}),
    });
    return c.json({ entries, next: entries.length === q.limit ? entries.at(-1)?.id : null });
  });
  return app;
}
