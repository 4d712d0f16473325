// Checks an installation's configuration against its module's JSON-Schema subset, applying
// defaults, and checks that a schema's own defaults obey it. Pure: inputs are never mutated.
//
// Configuration is closed: every setting must be declared in `properties`, whatever
// `additionalProperties` says (it is accepted for familiarity only). A misspelt setting is then
// an error the admin sees, instead of a value nobody ever reads.
import type { JsonSchemaNode } from './json-schema-document.ts';
import { FORBIDDEN_KEYS } from './safe.ts';

export type ConfigIssue = { path: string; message: string };
export type ConfigResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; issues: ConfigIssue[] };

type SchemaType = NonNullable<JsonSchemaNode['type']>;
/** `missing` marks a required setting without value: configDefaults tolerates only those. */
type Issue = ConfigIssue & { missing?: true };
type Ctx = { issues: Issue[] };

const INVALID = Symbol('invalid');
/** Far deeper than any sensible setting; stops hostile nesting before it exhausts the stack. */
const MAX_DEPTH = 32;

const TYPE_MESSAGES: Record<SchemaType, string> = {
  string: 'must be text',
  number: 'must be a number',
  integer: 'must be an integer',
  boolean: 'must be true or false',
  object: 'must be an object',
  array: 'must be a list',
};

const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`);

function fail(ctx: Ctx, path: string, message: string): typeof INVALID {
  ctx.issues.push({ path, message });
  return INVALID;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function matchesType(type: SchemaType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
  }
}

/** `properties` implies an object; the root always describes one. */
function effectiveType(node: JsonSchemaNode, root: boolean): SchemaType | undefined {
  return node.type ?? (node.properties !== undefined || root ? 'object' : undefined);
}

function check(node: JsonSchemaNode, value: unknown, path: string, depth: number, ctx: Ctx): unknown {
  if (depth > MAX_DEPTH) return fail(ctx, path, 'is nested too deeply');
  const type = effectiveType(node, depth === 0);
  if (type !== undefined && !matchesType(type, value)) return fail(ctx, path, TYPE_MESSAGES[type]);
  let out: unknown;
  if (Array.isArray(value)) out = checkArray(node, value, path, depth, ctx);
  else if (isPlainObject(value)) {
    out = type === 'object' ? checkObject(node, value, path, depth, ctx) : cloneFree(value, path, depth, ctx);
  } else if (isScalar(value)) out = checkScalar(node, value, path, ctx);
  else return fail(ctx, path, 'must be plain JSON data');
  if (out !== INVALID && node.enum !== undefined && !node.enum.some((e) => e === value)) {
    return fail(ctx, path, `must be one of ${node.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  return out;
}

function checkScalar(node: JsonSchemaNode, value: string | number | boolean | null, path: string, ctx: Ctx) {
  const before = ctx.issues.length;
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum)
      fail(ctx, path, `must be at least ${node.minimum}`);
    if (node.maximum !== undefined && value > node.maximum)
      fail(ctx, path, `must be at most ${node.maximum}`);
  }
  if (typeof value === 'string') {
    // JSON Schema counts characters (code points), not UTF-16 units.
    const length = [...value].length;
    if (node.minLength !== undefined && length < node.minLength) {
      fail(
        ctx,
        path,
        node.minLength === 1 ? 'must not be empty' : `must be at least ${node.minLength} characters`,
      );
    }
    if (node.maxLength !== undefined && length > node.maxLength) {
      fail(ctx, path, `must be at most ${node.maxLength} characters`);
    }
    if (node.pattern !== undefined) {
      let re: RegExp | null = null;
      try {
        re = new RegExp(node.pattern, 'u');
      } catch {
        fail(ctx, path, 'cannot be checked: the schema pattern is not a valid regular expression');
      }
      if (re && !re.test(value)) fail(ctx, path, `must match the pattern ${node.pattern}`);
    }
  }
  return ctx.issues.length > before ? INVALID : value;
}

function checkArray(node: JsonSchemaNode, value: unknown[], path: string, depth: number, ctx: Ctx) {
  const before = ctx.issues.length;
  if (node.minItems !== undefined && value.length < node.minItems) {
    fail(ctx, path, `must have at least ${node.minItems} item${node.minItems === 1 ? '' : 's'}`);
  }
  if (node.maxItems !== undefined && value.length > node.maxItems) {
    fail(ctx, path, `must have at most ${node.maxItems} item${node.maxItems === 1 ? '' : 's'}`);
  }
  const out = value.map((item, i) =>
    node.items
      ? check(node.items, item, join(path, i), depth + 1, ctx)
      : cloneFree(item, join(path, i), depth + 1, ctx),
  );
  return ctx.issues.length > before ? INVALID : out;
}

/** Invalid settings are left out of the result, so best-effort defaults keep the valid ones. */
function checkObject(
  node: JsonSchemaNode,
  value: Record<string, unknown>,
  path: string,
  depth: number,
  ctx: Ctx,
): Record<string, unknown> {
  const props = node.properties ?? {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) fail(ctx, join(path, key), `the key "${key}" is not allowed`);
    else if (!Object.hasOwn(props, key)) fail(ctx, join(path, key), `unknown setting "${key}"`);
  }
  const required = new Set(node.required ?? []);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(props)) {
    // The schema parser refuses these names; never assign them even if one slipped through.
    if (FORBIDDEN_KEYS.has(key)) continue;
    const childPath = join(path, key);
    let v = Object.hasOwn(value, key) ? value[key] : undefined;
    if (v === undefined) v = child.default;
    if (v === undefined) {
      if (required.has(key)) ctx.issues.push({ path: childPath, message: 'is required', missing: true });
      else if (effectiveType(child, false) === 'object') {
        const nested = impliedObject(child, childPath, depth + 1, ctx);
        if (nested !== undefined) out[key] = nested;
      }
      continue;
    }
    const r = check(child, v, childPath, depth + 1, ctx);
    if (r !== INVALID) out[key] = r;
  }
  return out;
}

/**
 * An optional object setting that was left out still gets its own defaults, unless it needs
 * settings only the admin can give (then it stays absent) or has no defaults at all.
 */
function impliedObject(node: JsonSchemaNode, path: string, depth: number, ctx: Ctx) {
  const sub: Ctx = { issues: [] };
  const r = check(node, {}, path, depth, sub);
  if (sub.issues.some((i) => i.missing)) return undefined;
  ctx.issues.push(...sub.issues);
  return isPlainObject(r) && Object.keys(r).length > 0 ? r : undefined;
}

/** Deep copy of a value the schema does not describe further: plain JSON, no prototype keys. */
function cloneFree(value: unknown, path: string, depth: number, ctx: Ctx): unknown {
  if (depth > MAX_DEPTH) return fail(ctx, path, 'is nested too deeply');
  if (isScalar(value)) return value;
  if (Array.isArray(value)) {
    const out = value.map((v, i) => cloneFree(v, join(path, i), depth + 1, ctx));
    return out.includes(INVALID) ? INVALID : out;
  }
  if (!isPlainObject(value)) return fail(ctx, path, 'must be plain JSON data');
  const out: Record<string, unknown> = {};
  let bad = false;
  for (const [key, v] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      fail(ctx, join(path, key), `the key "${key}" is not allowed`);
      bad = true;
      continue;
    }
    const r = cloneFree(v, join(path, key), depth + 1, ctx);
    if (r === INVALID) bad = true;
    else out[key] = r;
  }
  return bad ? INVALID : out;
}

function run(schema: JsonSchemaNode, values: unknown): { value: unknown; issues: Issue[] } {
  const ctx: Ctx = { issues: [] };
  const value = check(schema, values === undefined ? {} : values, '', 0, ctx);
  return { value, issues: ctx.issues };
}

const publicIssues = (issues: Issue[]): ConfigIssue[] =>
  issues.map(({ path, message }) => ({ path, message }));

/** Validates configuration values; on success returns a fresh object with defaults applied. */
export function validateConfig(schema: JsonSchemaNode, values: unknown): ConfigResult {
  const { value, issues } = run(schema, values);
  if (issues.length > 0 || !isPlainObject(value)) return { ok: false, issues: publicIssues(issues) };
  return { ok: true, value };
}

/**
 * The configuration an installation gets when nothing is set. Required settings without a
 * default are simply absent (the admin must give them); throws if a default breaks the schema.
 */
export function configDefaults(schema: JsonSchemaNode): Record<string, unknown> {
  const { value, issues } = run(schema, {});
  const bad = issues.filter((i) => !i.missing);
  if (bad.length > 0 || !isPlainObject(value)) {
    const list = bad.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`The configuration schema's defaults are invalid: ${list}`);
  }
  return value;
}

/** Like configDefaults but never throws: defaults that break the schema are left out. */
export function bestEffortDefaults(schema: JsonSchemaNode): Record<string, unknown> {
  const { value } = run(schema, {});
  return isPlainObject(value) ? value : {};
}

/**
 * Problems in a schema that only show when a configuration is checked: defaults that break
 * their own node's rules, and required settings that are not declared (closed configuration
 * could never satisfy them). Paths point into the schema, e.g. `properties.pageSize.default`.
 */
export function checkSchemaDefaults(schema: JsonSchemaNode): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const walk = (node: JsonSchemaNode, path: string, depth: number) => {
    if (depth > MAX_DEPTH) {
      issues.push({ path, message: 'is nested too deeply' });
      return;
    }
    if (node.default !== undefined) {
      const ctx: Ctx = { issues: [] };
      check(node, node.default, join(path, 'default'), depth === 0 ? 0 : 1, ctx);
      issues.push(...publicIssues(ctx.issues));
    }
    for (const name of node.required ?? []) {
      if (!node.properties || !Object.hasOwn(node.properties, name)) {
        issues.push({
          path: join(path, 'required'),
          message: `"${name}" is required but not declared in properties`,
        });
      }
    }
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      walk(child, join(join(path, 'properties'), key), depth + 1);
    }
    if (node.items) walk(node.items, join(path, 'items'), depth + 1);
  };
  walk(schema, '', 0);
  return issues;
}
