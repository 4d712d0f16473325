import { describe, expect, it } from 'vitest';
import { jsonSchemaDocument } from './json-schema-document.ts';

const withPattern = (pattern: string) =>
  jsonSchemaDocument.safeParse({ type: 'object', properties: { code: { type: 'string', pattern } } });

describe('configuration schema patterns', () => {
  it('accepts ordinary patterns', () => {
    for (const p of ['^[a-z]+$', '^(ab|cd)+$', '^\\d{3}-\\d{4}$', '^(https?://)?[a-z.]+$']) {
      expect(withPattern(p).success, p).toBe(true);
    }
  });

  it('refuses patterns that can backtrack catastrophically, and invalid ones', () => {
    for (const p of ['^(a+)+$', '(\\w*)*x', '^(a|b+){2,}$', '([a-z]+)*@']) {
      const result = withPattern(p);
      expect(result.success, p).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['properties', 'code', 'pattern']);
    }
    expect(withPattern('([a-z').success).toBe(false);
  });
});
