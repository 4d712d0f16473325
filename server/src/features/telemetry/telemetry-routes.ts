// Module outcomes reported by shells: batched, size- and rate-limited, and anonymous (the schema
// has no place for a user).
import { telemetryBatchSchema } from '@plugboard/shared';
import { Hono } from 'hono';
import { limitBody } from '../../http/body-limit.ts';
import { rateLimit } from '../../http/rate-limit.ts';
import { readJson } from '../../http/read-json.ts';
import type { TelemetryService } from './telemetry-service.ts';

export function telemetryRoutes(deps: { telemetry: TelemetryService; trustProxy?: boolean }) {
  const app = new Hono();
  app.post(
    '/',
    limitBody(64 * 1024),
    rateLimit({ perSecond: 20, burst: 100, trustProxy: deps.trustProxy ?? false }),
    async (c) => {
      const batch = await readJson(c, telemetryBatchSchema, 'telemetry batch');
      const counted = await deps.telemetry.record(batch);
      return c.json({ counted }, 202);
    },
  );
  return app;
}
