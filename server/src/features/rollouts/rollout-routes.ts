import { setPercentageBodySchema, startRolloutBodySchema } from '@plugboard/shared';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { AuthVariables } from '../../http/auth.ts';
import { parseModuleId, parseTenantId } from '../../http/path-params.ts';
import { readJson } from '../../http/read-json.ts';
import type { RolloutService } from './rollout-service.ts';

type Env = { Variables: AuthVariables };

/** Mounted at /v1/tenants/:tenant/installations/:moduleId/rollout. */
export function rolloutRoutes(deps: { rollouts: RolloutService; requireAdmin: MiddlewareHandler<Env> }) {
  const app = new Hono<Env>();
  app.use('*', deps.requireAdmin);
  const target = (c: Context<Env>) =>
    [parseTenantId(c.req.param('tenant') ?? ''), parseModuleId(c.req.param('moduleId') ?? '')] as const;
  const view = async (c: Context<Env>) => {
    const [tenant, moduleId] = target(c);
    return c.json(await deps.rollouts.get(tenant, moduleId));
  };

  app.get('/', view);

  app.post('/', async (c) => {
    const [tenant, moduleId] = target(c);
    const body = await readJson(c, startRolloutBodySchema, 'rollout');
    await deps.rollouts.start(tenant, moduleId, body, c.get('actor'));
    return c.json(await deps.rollouts.get(tenant, moduleId), 201);
  });

  app.post('/percentage', async (c) => {
    const [tenant, moduleId] = target(c);
    const body = await readJson(c, setPercentageBodySchema, 'percentage');
    await deps.rollouts.setPercentage(tenant, moduleId, body.percentage, c.get('actor'));
    return view(c);
  });

  for (const action of ['pause', 'resume', 'promote', 'abort'] as const) {
    app.post(`/${action}`, async (c) => {
      const [tenant, moduleId] = target(c);
      await deps.rollouts[action](tenant, moduleId, c.get('actor'));
      return view(c);
    });
  }
  return app;
}
