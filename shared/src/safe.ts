// Building blocks that keep hostile input out of every schema: bounded text, no control
// characters, and records that refuse prototype-polluting keys.
import { z } from 'zod';

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to match control characters
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Human-readable text of bounded length without control characters. */
export function safeText(max: number, options: { allowEmpty?: boolean } = {}) {
  return z
    .string()
    .trim()
    .min(options.allowEmpty ? 0 : 1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A record with validated keys and values, at most `maxEntries`, never a prototype key.
 *
 * zod 4 records silently drop an own `__proto__` key (JSON.parse creates one) instead of
 * reporting it, and key regexes rarely exclude "constructor"/"prototype". So the raw input is
 * checked before the record parses it; that also refuses oversized records before any value
 * is parsed. A preprocess (not a pipe from z.unknown) keeps the record visible to
 * z.toJSONSchema in input mode.
 */
export function safeRecord<K extends z.ZodType<string>, V extends z.ZodType>(
  key: K,
  value: V,
  maxEntries: number,
) {
  return z.preprocess(
    (input, ctx) => {
      if (!isPlainObject(input)) return input;
      const keys = Object.keys(input);
      if (keys.length > maxEntries) {
        ctx.addIssue({ code: 'custom', message: `must have at most ${maxEntries} entries`, input });
        return input;
      }
      for (const k of keys) {
        if (FORBIDDEN_KEYS.has(k)) {
          ctx.addIssue({ code: 'custom', path: [k], message: `the key "${k}" is not allowed`, input });
        }
      }
      return input;
    },
    z.record(key, value),
  );
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
