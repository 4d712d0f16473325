// Resolution: from a tenant's installations and a user's permissions to the ResolvedManifest the
// shell loads. Deterministic on purpose: the server caches and ETags its serialization, so the
// same input must give the same output, keys in the same order.

import { isInRollout } from './bucket.ts';
import type { ModuleManifest, NavigationEntry, RouteDefinition } from './manifest.ts';
import type { ResolvedManifest, ResolvedModule, ResolvedRoute } from './resolved-manifest.ts';
import type { TenantAccess, Theme } from './tenant.ts';
import { bestEffortDefaults, validateConfig } from './validate-config.ts';

export type ResolvableRelease = { manifest: ModuleManifest; entryUrl: string; integrity: string | null };
export type ResolvableCandidate = { release: ResolvableRelease; percentage: number; groupId: string };
export type ResolvableInstallation = {
  moduleId: string;
  enabled: boolean;
  config: Record<string, unknown>;
  /** The stable release; null while a module that was not installed is rolled out from nothing. */
  release: ResolvableRelease | null;
  /** During a rollout: the release a user whose bucket falls inside the percentage gets. */
  candidate?: ResolvableCandidate | null;
};
export type TenantSnapshot = {
  tenant: { id: string; name: string; theme: Theme; access: TenantAccess };
  revision: number;
  installations: ResolvableInstallation[];
};

/** Code-unit order, not localeCompare: the result must not depend on the server's locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const sortedUnique = (values: string[]) => [...new Set(values)].sort(compare);

/** A user's permissions in a tenant: their own list if they have one, else the tenant default. */
export function permissionsFor(access: TenantAccess, userId: string): string[] {
  const own = Object.hasOwn(access.users, userId) ? access.users[userId] : undefined;
  return sortedUnique(own ?? access.defaultPermissions);
}

/**
 * Which installations serve their candidate to this user, one flag per installation. The
 * server caches serialised manifests per (permissions, selection), so this is the only
 * per-user work a request does.
 */
export function candidateSelection(snapshot: TenantSnapshot, userId: string): boolean[] {
  return snapshot.installations.map((i) =>
    i.candidate ? isInRollout(i.candidate.groupId, userId, i.candidate.percentage) : false,
  );
}

/** The release this installation serves: the candidate when selected, else the stable one. */
function releaseFor(installation: ResolvableInstallation, candidate: boolean): ResolvableRelease | null {
  return candidate && installation.candidate ? installation.candidate.release : installation.release;
}

/**
 * The configuration the module gets. The server validates on write, so failure means the
 * release changed under a stored config: serve the defaults rather than fail the whole tenant.
 */
function effectiveConfig(manifest: ModuleManifest, config: Record<string, unknown>): Record<string, unknown> {
  const result = validateConfig(manifest.config, config);
  return result.ok ? result.value : bestEffortDefaults(manifest.config);
}

function resolveRoutes(routes: RouteDefinition[], granted: Set<string>) {
  const kept: ResolvedRoute[] = [];
  const dropped = new Set<string>();
  for (const route of routes) {
    if (route.permissions.every((p) => granted.has(p))) {
      kept.push({ path: route.path, expose: route.expose, title: route.title });
    } else dropped.add(route.path);
  }
  // A path another route still serves stays reachable, so its navigation entries stay too.
  for (const route of kept) dropped.delete(route.path);
  return { kept, dropped };
}

function resolveNavigation(entries: NavigationEntry[], droppedPaths: Set<string>): NavigationEntry[] {
  return entries
    .filter((entry) => !droppedPaths.has(entry.path))
    .map((e) => ({
      label: e.label,
      path: e.path,
      ...(e.icon !== undefined ? { icon: e.icon } : {}),
      section: e.section,
      order: e.order,
    }))
    .sort(
      (a, b) =>
        compare(a.section, b.section) ||
        a.order - b.order ||
        compare(a.label, b.label) ||
        compare(a.path, b.path),
    );
}

function resolveModule(
  release: ResolvableRelease,
  installation: ResolvableInstallation,
  granted: Set<string>,
): ResolvedModule {
  const { manifest } = release;
  const routes = resolveRoutes(manifest.routes, granted);
  return {
    id: manifest.id,
    name: manifest.name,
    version: manifest.version,
    remote: {
      name: manifest.remote.name,
      format: manifest.remote.format,
      entry: release.entryUrl,
      integrity: release.integrity,
    },
    routes: routes.kept,
    navigation: resolveNavigation(manifest.navigation, routes.dropped),
    config: effectiveConfig(manifest, installation.config),
    isolation: manifest.isolation,
  };
}

/** Theme keys sorted and absent values left out, whatever order the stored theme came in. */
function stableTheme(theme: Theme): Theme {
  const entries = Object.entries(theme).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => compare(a, b))) as Theme;
}

/**
 * What a user holding `permissions` gets from this tenant: enabled modules, sorted by id.
 * `selection` (from candidateSelection) says which installations serve their candidate.
 */
export function resolveManifest(
  snapshot: TenantSnapshot,
  permissions: string[],
  selection: boolean[] = [],
): ResolvedManifest {
  const granted = sortedUnique(permissions);
  const grantedSet = new Set(granted);
  const modules: ResolvedModule[] = [];
  snapshot.installations.forEach((installation, index) => {
    if (!installation.enabled) return;
    const release = releaseFor(installation, selection[index] === true);
    if (release) modules.push(resolveModule(release, installation, grantedSet));
  });
  modules.sort((a, b) => compare(a.id, b.id));
  return {
    schema: 1,
    tenant: { id: snapshot.tenant.id, name: snapshot.tenant.name, theme: stableTheme(snapshot.tenant.theme) },
    revision: snapshot.revision,
    permissions: granted,
    modules,
  };
}
