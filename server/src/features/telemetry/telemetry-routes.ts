// Module outcomes reported by shells. Aggregated in memory per tenant, module and release.
import { telemetryBatchSchema } from '@plugboard/shared';
import { Hono } from 'hono';
import { limitBody } from '../../http/body-limit.ts';
import { readJson } from '../../http/read-json.ts';
import type { TelemetryAggregator } from './telemetry-aggregator.ts';

export function telemetryRoutes(deps: { aggregator: TelemetryAggregator; knownTenant(id: string): boolean }) {
  const app = new Hono();
  app.post('/', limitBody(64 * 1024), async (c) => {
    const batch = await readJson(c, telemetryBatchSchema, 'telemetry batch');
    // Reports for unknown tenants are dropped quietly: shells may outlive a tenant.
    if (deps.knownTenant(batch.tenant)) deps.aggregator.record(batch);
    return c.body(null, 202);
  });
  app.get('/', (c) => c.json({ outcomes: deps.aggregator.summary() }));
  return app;
}
