// Reads a JSON request body and validates it: wrong media type, broken JSON, prototype keys and
// schema violations each get their own 4xx naming the field.
import { findForbiddenKey } from '@plugboard/shared';
import type { Context } from 'hono';
import type { z } from 'zod';
import { invalid, PlugboardError } from '../errors.ts';

export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new PlugboardError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as JSON with "Content-Type: application/json"',
      {
        field: 'content-type',
      },
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch (err) {
    if (err instanceof PlugboardError) throw err;
    throw new PlugboardError(400, 'INVALID_JSON', `The body is not valid JSON: ${(err as Error).message}`);
  }
  const bad = findForbiddenKey(raw);
  if (bad) {
    const field = bad.join('.');
    throw new PlugboardError(
      400,
      'FORBIDDEN_KEY',
      `${field}: the key "${String(bad.at(-1))}" is not allowed`,
      { field },
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(what, parsed.error);
  return parsed.data;
}
