// JSON Schema renderings of the manifest schemas, for editors and external tooling. zod
// refinements (route rules, SRI, semver ranges…) have no JSON Schema form and are left out:
// the server still applies them, the files only help authors while they type.
import { z } from 'zod';
import { jsonSchemaNode } from './json-schema-document.ts';
import { moduleManifestSchema } from './manifest.ts';
import { tenantManifestSchema } from './tenant.ts';

function render(schema: z.ZodType, id: string, title: string, description: string) {
  // A local registry names the recursive config node in $defs without touching zod's global one.
  const metadata = z.registry<{ id: string }>();
  metadata.add(jsonSchemaNode, { id: 'ConfigSchemaNode' });
  // io 'input' describes what an author writes: fields with defaults are optional.
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', metadata });
  return { $schema, $id: `urn:plugboard:${id}`, title, description, ...rest };
}

export function moduleManifestJsonSchema() {
  return render(
    moduleManifestSchema,
    'module-manifest',
    'Plugboard module manifest',
    'One release of a Plugboard module: its remote, routes, navigation, requirements and configuration.',
  );
}

export function tenantManifestJsonSchema() {
  return render(
    tenantManifestSchema,
    'tenant-manifest',
    'Plugboard tenant manifest',
    'A Plugboard tenant: its theme, access and installed modules.',
  );
}
