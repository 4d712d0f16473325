// The routes the shell registers for the current manifest. Pure, so a new manifest simply
// yields a new list; keys are stable per module release and exposed component.
import type { ResolvedModule, ResolvedRoute } from '@plugboard/shared';

export type ModuleRouteEntry = {
  /** Unique among routes: release, expose and path. */
  key: string;
  /** React key of the mounted module: same release and expose → same instance. */
  hostKey: string;
  path: string;
  module: ResolvedModule;
  route: ResolvedRoute;
};

export function moduleHostKey(module: ResolvedModule, expose: string): string {
  return `${module.id}@${module.version}${expose}`;
}

/** One route per module route path; when two modules claim a path, the first one keeps it. */
export function moduleRoutes(modules: readonly ResolvedModule[]): ModuleRouteEntry[] {
  const seen = new Set<string>();
  const entries: ModuleRouteEntry[] = [];
  for (const module of modules) {
    for (const route of module.routes) {
      if (seen.has(route.path) || route.path === '/') continue;
      seen.add(route.path);
      const hostKey = moduleHostKey(module, route.expose);
      entries.push({ key: `${hostKey}|${route.path}`, hostKey, path: route.path, module, route });
    }
  }
  return entries;
}
