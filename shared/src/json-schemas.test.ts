// The JSON Schemas written for editors describe the manifests' fields.
import { describe, expect, it } from 'vitest';
import { moduleManifestJsonSchema, tenantManifestJsonSchema } from './json-schemas.ts';

describe('moduleManifestJsonSchema', () => {
  const schema = moduleManifestJsonSchema() as Record<string, unknown> & {
    properties: Record<string, unknown>;
  };

  it('lists every top-level manifest field and refuses others', () => {
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'version',
        'remote',
        'routes',
        'navigation',
        'requires',
        'conflicts',
        'provides',
        'permissions',
        'config',
        'isolation',
        'activation',
      ]),
    );
    expect(schema.additionalProperties).toBe(false);
    // io "input": only what an author must write is required; the rest has defaults.
    expect(schema.required).toEqual(['id', 'name', 'version', 'remote']);
  });

  it('carries an id, a title and the draft it follows', () => {
    expect(schema.$id).toBe('urn:plugboard:module-manifest');
    expect(schema.title).toBe('Plugboard module manifest');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('describes the recursive configuration schema by reference', () => {
    expect(schema.properties.config).toEqual({ $ref: '#/$defs/ConfigSchemaNode' });
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe('tenantManifestJsonSchema', () => {
  it('lists the tenant manifest fields', () => {
    const schema = tenantManifestJsonSchema() as { $id: string; properties: Record<string, unknown> };
    expect(schema.$id).toBe('urn:plugboard:tenant-manifest');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['id', 'name', 'theme', 'access', 'installations']),
    );
  });
});
