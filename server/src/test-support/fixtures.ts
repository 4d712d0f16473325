// Small, valid inputs for tests; each test changes only what it is about.
import type { ModuleManifestInput } from '@plugboard/shared';

export function manifest(
  overrides: Partial<ModuleManifestInput> & { id?: string } = {},
): ModuleManifestInput {
  const id = overrides.id ?? 'acme.clients';
  const base = id.split('.')[1] ?? 'mod';
  return {
    id,
    name: `Module ${base}`,
    version: '1.0.0',
    description: 'A test module',
    remote: { name: `acme_${base.replace(/-/g, '_')}`, format: 'esm' },
    routes: [{ path: `/${base}`, expose: './Main', title: base, permissions: [] }],
    navigation: [{ label: base, path: `/${base}`, order: 10 }],
    config: {
      type: 'object',
      properties: { pageSize: { type: 'integer', default: 10, minimum: 5, maximum: 100 } },
    },
    ...overrides,
  };
}

export function files(entrySource = 'export const get = () => null; export const init = () => {};') {
  return [
    { path: 'remoteEntry.js', content: Buffer.from(entrySource).toString('base64') },
    { path: 'assets/chunk.js', content: Buffer.from('export default 1;').toString('base64') },
  ];
}

export const tenantBody = (id = 'acme', name = 'Acme Corp') => ({
  id,
  name,
  theme: { primary: '#b91c1c' },
  access: { defaultPermissions: ['clients.read'], users: { alice: ['clients.read', 'clients.write'] } },
});
