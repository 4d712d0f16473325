// Building blocks that keep hostile input out of every schema: bounded text, no control
// characters, and records that refuse prototype-polluting keys.
import { z } from 'zod';

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to match control characters
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Human-readable text of bounded length without control characters. */
export function safeText(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');
}

/** A record with validated keys and values, at most `maxEntries`, never a prototype key. */
export function safeRecord<K extends z.ZodType<string>, V extends z.ZodType>(
  key: K,
  value: V,
  maxEntries: number,
) {
  return z
    .record(key, value)
    .superRefine((rec, ctx) => {
      const keys = Object.keys(rec);
      if (keys.length > maxEntries) {
        ctx.addIssue({ code: 'custom', message: `must have at most ${maxEntries} entries` });
      }
    })
    .pipe(z.custom<Record<z.output<K>, z.output<V>>>());
}

/** Finds a prototype-polluting key anywhere in a parsed JSON value; returns its path. */
export function findForbiddenKey(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return [...path, key];
      const found = findForbiddenKey((value as Record<string, unknown>)[key], [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
