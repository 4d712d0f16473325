// Request bodies of the rollout and snapshot API.
import { z } from 'zod';
import { activationPolicySchema, semverSchema } from './manifest.ts';
import { configValuesSchema } from './tenant.ts';

export const startRolloutBodySchema = z.strictObject({
  version: semverSchema,
  /** Percentages to go through; defaults to the release's activation policy. */
  steps: activationPolicySchema.shape.steps.unwrap().optional(),
  /** Seconds between steps. */
  interval: z.number().int().min(0).max(604800).optional(),
  health: z
    .strictObject({
      maxErrorRate: z.number().min(0).max(1).optional(),
      minSamples: z.number().int().min(1).max(1_000_000).optional(),
    })
    .optional(),
  /** Modules that must move together share a group: their users get the same buckets. */
  groupId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'must be lowercase letters, digits, ".", "_" or "-"')
    .optional(),
  /** Configuration for a module that is not installed yet. */
  config: configValuesSchema.optional(),
});
export type StartRolloutBody = z.output<typeof startRolloutBodySchema>;

export const setPercentageBodySchema = z.strictObject({
  percentage: z.number().int().min(0).max(100),
});
