import { putInstallationBodySchema } from '@plugboard/shared';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AuthVariables } from '../../http/auth.ts';
import { parseModuleId, parseTenantId } from '../../http/path-params.ts';
import { readJson } from '../../http/read-json.ts';
import type { InstallationService } from './installation-service.ts';

/** Mounted at /v1/tenants/:tenant/installations. */
export function installationRoutes(deps: {
  installations: InstallationService;
  requireAdmin: MiddlewareHandler<{ Variables: AuthVariables }>;
}) {
  const app = new Hono<{ Variables: AuthVariables }>();
  app.use('*', deps.requireAdmin);

  app.get('/', async (c) => {
    const tenant = parseTenantId(c.req.param('tenant') ?? '');
    return c.json({ installations: await deps.installations.list(tenant) });
  });

  app.get('/:moduleId', async (c) => {
    const tenant = parseTenantId(c.req.param('tenant') ?? '');
    return c.json(await deps.installations.get(tenant, parseModuleId(c.req.param('moduleId'))));
  });

  app.put('/:moduleId', async (c) => {
    const tenant = parseTenantId(c.req.param('tenant') ?? '');
    const moduleId = parseModuleId(c.req.param('moduleId'));
    const body = await readJson(c, putInstallationBodySchema, 'installation');
    const { installation, changed } = await deps.installations.put(tenant, moduleId, body, c.get('actor'));
    return c.json({ ...installation, changed });
  });

  app.delete('/:moduleId', async (c) => {
    const tenant = parseTenantId(c.req.param('tenant') ?? '');
    await deps.installations.remove(tenant, parseModuleId(c.req.param('moduleId')), c.get('actor'));
    return c.body(null, 204);
  });

  return app;
}
