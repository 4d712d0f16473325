// Small resolved-manifest builders for unit tests.
import type { ResolvedManifest, ResolvedModule } from '@plugboard/shared';

export function fakeModule(
  id: string,
  version = '1.0.0',
  extra: Partial<ResolvedModule> = {},
): ResolvedModule {
  return {
    id,
    name: id,
    version,
    remote: {
      name: id.replace('.', '_'),
      format: 'esm',
      entry: `/artifacts/${id}-${version}/remoteEntry.js`,
      integrity: null,
    },
    routes: [{ path: `/${id.split('.')[1]}`, expose: './Main', title: id }],
    navigation: [],
    config: {},
    isolation: 'none',
    ...extra,
  };
}

export function fakeManifest(modules: ResolvedModule[], revision = 1): ResolvedManifest {
  const theme = { primary: '#000', background: '#fff', surface: '#fff', text: '#000', muted: '#777' };
  return { schema: 1, tenant: { id: 'acme', name: 'Acme', theme }, revision, permissions: [], modules };
}
