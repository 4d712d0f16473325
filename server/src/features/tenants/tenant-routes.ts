import { createTenantBodySchema, patchTenantBodySchema } from '@plugboard/shared';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AuthVariables } from '../../http/auth.ts';
import { parseTenantId } from '../../http/path-params.ts';
import { readJson } from '../../http/read-json.ts';
import { type TenantService, tenantEtag } from './tenant-service.ts';
import type { TenantRow } from './tenant-store.ts';

const adminView = ({ revision: _r, ...t }: TenantRow) => t;

export function tenantRoutes(deps: {
  tenants: TenantService;
  requireAdmin: MiddlewareHandler<{ Variables: AuthVariables }>;
}) {
  const app = new Hono<{ Variables: AuthVariables }>();

  // Public: the shell's tenant picker needs names and themes, nothing else.
  app.get('/', async (c) => {
    const list = await deps.tenants.list();
    return c.json({ tenants: list.map((t) => ({ id: t.id, name: t.name, theme: t.theme })) });
  });

  app.post('/', deps.requireAdmin, async (c) => {
    const body = await readJson(c, createTenantBodySchema, 'tenant');
    const tenant = await deps.tenants.create(body, c.get('actor'));
    c.header('ETag', tenantEtag(tenant));
    return c.json(adminView(tenant), 201);
  });

  app.get('/:tenant', deps.requireAdmin, async (c) => {
    const tenant = await deps.tenants.require(parseTenantId(c.req.param('tenant')));
    c.header('ETag', tenantEtag(tenant));
    return c.json(adminView(tenant));
  });

  app.patch('/:tenant', deps.requireAdmin, async (c) => {
    const id = parseTenantId(c.req.param('tenant'));
    const body = await readJson(c, patchTenantBodySchema, 'tenant update');
    const tenant = await deps.tenants.patch(id, body, c.get('actor'), c.req.header('if-match'));
    c.header('ETag', tenantEtag(tenant));
    return c.json(adminView(tenant));
  });

  return app;
}
