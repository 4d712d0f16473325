// Ids taken from the URL path, validated with the same schemas as bodies: a malformed one is a
// 400 naming the parameter.
import { moduleIdSchema, tenantIdSchema } from '@plugboard/shared';
import type { z } from 'zod';
import { PlugboardError } from '../errors.ts';

function parsePathParam(schema: z.ZodType<string>, raw: string, what: string, code: string, field: string) {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new PlugboardError(
    400,
    code,
    `"${raw.slice(0, 80)}" is not a ${what}: ${parsed.error.issues[0]?.message}`,
    { field },
  );
}

export const parseTenantId = (raw: string) =>
  parsePathParam(tenantIdSchema, raw, 'tenant id', 'INVALID_TENANT_ID', 'tenant');

export const parseModuleId = (raw: string) =>
  parsePathParam(moduleIdSchema, raw, 'module id', 'INVALID_MODULE_ID', 'moduleId');
