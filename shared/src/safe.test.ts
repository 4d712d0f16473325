// safeRecord and the records built on it refuse prototype keys that zod records would drop.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findForbiddenKey, safeRecord } from './safe.ts';
import { accessSchema, configValuesSchema } from './tenant.ts';

describe('safeRecord', () => {
  const rec = safeRecord(z.string(), z.number(), 3);

  it('parses a plain record', () => {
    expect(rec.parse({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
  });

  it('refuses own __proto__, constructor and prototype keys with their path', () => {
    const r = rec.safeParse(JSON.parse('{"__proto__": 1, "constructor": 2}'));
    expect(r.success ? [] : r.error.issues.map((i) => i.path)).toEqual([['__proto__'], ['constructor']]);
  });

  it('refuses too many entries before parsing any value', () => {
    const r = rec.safeParse({ a: 1, b: 2, c: 3, d: 'not a number' });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(['must have at most 3 entries']);
  });

  it('protects tenant access and configuration values', () => {
    expect(accessSchema.safeParse({ users: { constructor: ['a.b'] } }).success).toBe(false);
    expect(configValuesSchema.safeParse(JSON.parse('{"__proto__": {"x": 1}}')).success).toBe(false);
  });
});

describe('findForbiddenKey', () => {
  it('returns the path of the first prototype key anywhere', () => {
    expect(findForbiddenKey(JSON.parse('{"a": [{"b": {"__proto__": 1}}]}'))).toEqual([
      'a',
      0,
      'b',
      '__proto__',
    ]);
    expect(findForbiddenKey({ a: [1, { b: 2 }] })).toBeNull();
  });
});
