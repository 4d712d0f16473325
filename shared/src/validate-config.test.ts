// Configuration validation: defaults, every supported keyword, closed objects, hostile keys.
import { describe, expect, it } from 'vitest';
import type { JsonSchemaNode } from './json-schema-document.ts';
import {
  bestEffortDefaults,
  checkSchemaDefaults,
  configDefaults,
  validateConfig,
} from './validate-config.ts';

const schema: JsonSchemaNode = {
  type: 'object',
  properties: {
    pageSize: { type: 'integer', minimum: 5, maximum: 100, default: 25 },
    refreshSeconds: { type: 'number', minimum: 0, maximum: 3600, default: 60 },
    title: { type: 'string', minLength: 1, maxLength: 10, default: 'Clients' },
    code: { type: 'string', pattern: '^[A-Z]{3}$' },
    mode: { enum: ['list', 'grid'], default: 'list' },
    compact: { type: 'boolean', default: false },
    display: {
      type: 'object',
      properties: {
        density: { type: 'string', enum: ['comfortable', 'compact'], default: 'comfortable' },
        columns: { type: 'array', items: { type: 'string' }, default: ['name', 'email'] },
      },
    },
    filters: {
      type: 'array',
      maxItems: 3,
      items: {
        type: 'object',
        properties: { name: { type: 'string', minLength: 1 }, active: { type: 'boolean', default: true } },
        required: ['name'],
      },
    },
  },
};

const DEFAULTS = {
  pageSize: 25,
  refreshSeconds: 60,
  title: 'Clients',
  mode: 'list',
  compact: false,
  display: { density: 'comfortable', columns: ['name', 'email'] },
};

function issuesOf(s: JsonSchemaNode, values: unknown) {
  const r = validateConfig(s, values);
  if (r.ok) throw new Error(`expected issues, got ${JSON.stringify(r.value)}`);
  return r.issues;
}

describe('validateConfig', () => {
  it('applies defaults, recursively into nested objects and array items', () => {
    expect(validateConfig(schema, {})).toEqual({ ok: true, value: DEFAULTS });
    expect(validateConfig(schema, undefined)).toEqual({ ok: true, value: DEFAULTS });
    const r = validateConfig(schema, { display: { density: 'compact' }, filters: [{ name: 'x' }] });
    expect(r).toEqual({
      ok: true,
      value: {
        ...DEFAULTS,
        display: { density: 'compact', columns: ['name', 'email'] },
        filters: [{ name: 'x', active: true }],
      },
    });
  });

  it('keeps given values over defaults', () => {
    const r = validateConfig(schema, { pageSize: 50, compact: true, code: 'ABC' });
    expect(r.ok && r.value).toMatchObject({ pageSize: 50, compact: true, code: 'ABC' });
  });

  it('tells integers from numbers', () => {
    expect(issuesOf(schema, { pageSize: 10.5 })).toEqual([
      { path: 'pageSize', message: 'must be an integer' },
    ]);
    expect(issuesOf(schema, { pageSize: '10' })).toEqual([
      { path: 'pageSize', message: 'must be an integer' },
    ]);
    expect(validateConfig(schema, { refreshSeconds: 10.5 }).ok).toBe(true);
    expect(issuesOf(schema, { refreshSeconds: Number.NaN })).toEqual([
      { path: 'refreshSeconds', message: 'must be a number' },
    ]);
  });

  it('checks bounds, lengths, patterns and enums with human messages', () => {
    expect(issuesOf(schema, { refreshSeconds: 4000 })).toEqual([
      { path: 'refreshSeconds', message: 'must be at most 3600' },
    ]);
    expect(issuesOf(schema, { pageSize: 1 })).toEqual([{ path: 'pageSize', message: 'must be at least 5' }]);
    expect(issuesOf(schema, { title: '' })).toEqual([{ path: 'title', message: 'must not be empty' }]);
    expect(issuesOf(schema, { title: 'x'.repeat(11) })).toEqual([
      { path: 'title', message: 'must be at most 10 characters' },
    ]);
    expect(validateConfig(schema, { title: '😀'.repeat(10) }).ok).toBe(true);
    expect(issuesOf(schema, { code: 'abc' })).toEqual([
      { path: 'code', message: 'must match the pattern ^[A-Z]{3}$' },
    ]);
    expect(issuesOf(schema, { mode: 'table' })).toEqual([
      { path: 'mode', message: 'must be one of "list", "grid"' },
    ]);
    expect(issuesOf(schema, { compact: 'yes' })).toEqual([
      { path: 'compact', message: 'must be true or false' },
    ]);
    expect(issuesOf(schema, { display: 'wide' })).toEqual([
      { path: 'display', message: 'must be an object' },
    ]);
  });

  it('checks arrays, their items and required settings with dotted paths', () => {
    expect(issuesOf(schema, { filters: [{ name: 'a' }, { active: false }, { name: '' }] })).toEqual([
      { path: 'filters.1.name', message: 'is required' },
      { path: 'filters.2.name', message: 'must not be empty' },
    ]);
    expect(
      issuesOf(schema, { filters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }] }),
    ).toEqual([{ path: 'filters', message: 'must have at most 3 items' }]);
    expect(issuesOf(schema, { filters: {} })).toEqual([{ path: 'filters', message: 'must be a list' }]);
    expect(issuesOf(schema, { display: { columns: ['a', 2] } })).toEqual([
      { path: 'display.columns.1', message: 'must be text' },
    ]);
    const minItems: JsonSchemaNode = {
      properties: { tags: { type: 'array', minItems: 1 } },
      required: ['tags'],
    };
    expect(issuesOf(minItems, {})).toEqual([{ path: 'tags', message: 'is required' }]);
    expect(issuesOf(minItems, { tags: [] })).toEqual([
      { path: 'tags', message: 'must have at least 1 item' },
    ]);
  });

  it('rejects unknown settings whether or not additionalProperties is false', () => {
    expect(issuesOf(schema, { foo: 1 })).toEqual([{ path: 'foo', message: 'unknown setting "foo"' }]);
    expect(issuesOf({ ...schema, additionalProperties: false }, { foo: 1 })).toEqual([
      { path: 'foo', message: 'unknown setting "foo"' },
    ]);
    expect(issuesOf({ ...schema, additionalProperties: true }, { foo: 1 })[0]?.message).toBe(
      'unknown setting "foo"',
    );
    expect(issuesOf(schema, { filters: [{ name: 'a', extra: 1 }] })).toEqual([
      { path: 'filters.0.extra', message: 'unknown setting "extra"' },
    ]);
  });

  it('refuses prototype keys anywhere, including own __proto__ keys from JSON.parse', () => {
    expect(issuesOf(schema, JSON.parse('{"__proto__": {"polluted": true}}'))).toEqual([
      { path: '__proto__', message: 'the key "__proto__" is not allowed' },
    ]);
    expect(issuesOf(schema, JSON.parse('{"display": {"constructor": {"prototype": 1}}}'))).toEqual([
      { path: 'display.constructor', message: 'the key "constructor" is not allowed' },
    ]);
    const free: JsonSchemaNode = { properties: { extra: {} } };
    expect(issuesOf(free, JSON.parse('{"extra": {"a": [{"prototype": 1}]}}'))).toEqual([
      { path: 'extra.a.0.prototype', message: 'the key "prototype" is not allowed' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts any plain JSON under an untyped setting, copied', () => {
    const free: JsonSchemaNode = { properties: { extra: {} } };
    const input = { extra: { a: [1, { b: null }] } };
    const r = validateConfig(free, input);
    expect(r).toEqual({ ok: true, value: input });
    if (r.ok) expect(r.value.extra).not.toBe(input.extra);
    expect(issuesOf(free, { extra: new Date(0) })).toEqual([
      { path: 'extra', message: 'must be plain JSON data' },
    ]);
  });

  it('refuses a non-object and hostile nesting without throwing', () => {
    expect(issuesOf(schema, [])).toEqual([{ path: '', message: 'must be an object' }]);
    expect(issuesOf(schema, null)).toEqual([{ path: '', message: 'must be an object' }]);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(issuesOf({ properties: { extra: {} } }, { extra: deep })[0]?.message).toBe('is nested too deeply');
  });

  it('never mutates its inputs and returns fresh objects', () => {
    const input = { display: { density: 'compact' }, filters: [{ name: 'a' }] };
    const snapshot = structuredClone(input);
    const frozenSchema = structuredClone(schema);
    const r = validateConfig(schema, input);
    expect(input).toEqual(snapshot);
    expect(schema).toEqual(frozenSchema);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.display).not.toBe(input.display);
    expect(r.value.filters).not.toBe(input.filters);
    const again = validateConfig(schema, {});
    if (!again.ok) throw new Error('expected ok');
    const columns = (again.value.display as { columns: unknown }).columns;
    expect(columns).toEqual(['name', 'email']);
    expect(columns).not.toBe(schema.properties?.display?.properties?.columns?.default);
  });

  it('leaves an optional object out when it needs settings only the admin can give', () => {
    const s: JsonSchemaNode = {
      properties: { smtp: { type: 'object', properties: { host: { type: 'string' } }, required: ['host'] } },
    };
    expect(validateConfig(s, {})).toEqual({ ok: true, value: {} });
    expect(issuesOf(s, { smtp: {} })).toEqual([{ path: 'smtp.host', message: 'is required' }]);
  });

  it('keeps output key order in schema order whatever the input order', () => {
    const a = validateConfig(schema, { compact: true, pageSize: 10 });
    const b = validateConfig(schema, { pageSize: 10, compact: true });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('configDefaults', () => {
  it('returns the defaults', () => {
    expect(configDefaults(schema)).toEqual(DEFAULTS);
    expect(configDefaults({ type: 'object' })).toEqual({});
  });

  it('leaves out required settings without a default instead of failing', () => {
    const s: JsonSchemaNode = {
      properties: { apiKey: { type: 'string' }, n: { default: 1 } },
      required: ['apiKey'],
    };
    expect(configDefaults(s)).toEqual({ n: 1 });
  });

  it('throws when a default breaks its own rules', () => {
    const s: JsonSchemaNode = { properties: { n: { type: 'integer', maximum: 10, default: 50 } } };
    expect(() => configDefaults(s)).toThrow(/n: must be at most 10/);
    expect(bestEffortDefaults(s)).toEqual({});
    expect(bestEffortDefaults({ properties: { a: { default: 1 }, n: s.properties?.n ?? {} } })).toEqual({
      a: 1,
    });
  });
});

describe('checkSchemaDefaults', () => {
  it('finds nothing wrong in a consistent schema', () => {
    expect(checkSchemaDefaults(schema)).toEqual([]);
  });

  it('reports defaults that break their own bounds, with schema paths', () => {
    const s: JsonSchemaNode = {
      type: 'object',
      properties: {
        pageSize: { type: 'integer', minimum: 5, maximum: 100, default: 500 },
        mode: { type: 'string', enum: ['a', 'b'], default: 'c' },
        nested: {
          type: 'object',
          properties: {
            tags: { type: 'array', maxItems: 1, items: { type: 'string' }, default: ['x', 'y'] },
          },
          default: { tags: ['ok'], stray: 1 },
        },
        list: { type: 'array', items: { type: 'integer', default: 1.5 } },
      },
      required: ['missing'],
    };
    expect(checkSchemaDefaults(s)).toEqual([
      { path: 'required', message: '"missing" is required but not declared in properties' },
      { path: 'properties.pageSize.default', message: 'must be at most 100' },
      { path: 'properties.mode.default', message: 'must be one of "a", "b"' },
      { path: 'properties.nested.default.stray', message: 'unknown setting "stray"' },
      { path: 'properties.nested.properties.tags.default', message: 'must have at most 1 item' },
      { path: 'properties.list.items.default', message: 'must be an integer' },
    ]);
  });
});
