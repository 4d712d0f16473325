// Writes the JSON Schemas editors use to check manifest files: manifest.schema.json for module
// manifests and tenant-manifest.schema.json for tenant manifests. Run by `pnpm build`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { moduleManifestJsonSchema, tenantManifestJsonSchema } from '../src/json-schemas.ts';

const LINE_WIDTH = 110;

/**
 * JSON laid out the way `biome format` lays it out (objects expanded, arrays of scalars on one
 * line when they fit), so regenerating never leaves the lint check a diff to complain about.
 */
function format(value: unknown, indent = '', prefix = '', suffix = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length > 0) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const line = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (indent.length + prefix.length + line.length + suffix.length <= LINE_WIDTH) return line;
    }
    const items = value.map((v, i) => `${inner}${format(v, inner, '', i < value.length - 1 ? ',' : '')}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    const entries = Object.entries(value);
    const lines = entries.map(([k, v], i) => {
      const key = `${JSON.stringify(k)}: `;
      return `${inner}${key}${format(v, inner, key, i < entries.length - 1 ? ',' : '')}`;
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

const targets = [
  ['manifest.schema.json', moduleManifestJsonSchema()],
  ['tenant-manifest.schema.json', tenantManifestJsonSchema()],
] as const;

for (const [file, schema] of targets) {
  const path = fileURLToPath(new URL(`../${file}`, import.meta.url));
  writeFileSync(path, `${format(schema)}\n`);
  console.log(`wrote ${path}`);
}
