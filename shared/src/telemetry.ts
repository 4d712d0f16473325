// Module outcomes that shells report, batched.
import { z } from 'zod';
import { moduleIdSchema, semverSchema } from './manifest.ts';
import { tenantIdSchema } from './tenant.ts';

export const telemetryEventSchema = z.strictObject({
  module: moduleIdSchema,
  version: semverSchema,
  outcome: z.enum(['loaded', 'load-failed', 'render-crashed']),
  /** Milliseconds from asking for the module to its first render (loaded only). */
  loadMs: z.number().min(0).max(600000).optional(),
  code: z
    .string()
    .regex(/^[A-Z_]{1,40}$/)
    .optional(),
  message: z.string().max(500).optional(),
});

export const telemetryBatchSchema = z.strictObject({
  tenant: tenantIdSchema,
  events: z.array(telemetryEventSchema).min(1).max(100),
});
export type TelemetryEvent = z.output<typeof telemetryEventSchema>;
export type TelemetryBatch = z.output<typeof telemetryBatchSchema>;
