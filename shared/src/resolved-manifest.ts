// What one user of one tenant gets: theme, and per module the release to load and how.
import type { NavigationEntry } from './manifest.ts';
import type { Theme } from './tenant.ts';

export type ResolvedRoute = {
  path: string;
  expose: string;
  title: string;
};

export type ResolvedModule = {
  id: string;
  name: string;
  version: string;
  remote: {
    name: string;
    format: 'esm' | 'global';
    /** Changes with every release, so browsers never reuse an older release's code. */
    entry: string;
    integrity: string | null;
  };
  routes: ResolvedRoute[];
  navigation: NavigationEntry[];
  config: Record<string, unknown>;
  isolation: 'none' | 'iframe';
};

export type ResolvedManifest = {
  /** Version of this document's shape. */
  schema: 1;
  tenant: { id: string; name: string; theme: Theme };
  /** Increases whenever anything a user of this tenant resolves may have changed. */
  revision: number;
  permissions: string[];
  modules: ResolvedModule[];
};

/** The shell API version modules declare `requires.shell` against. */
export const SHELL_API_VERSION = '1.0.0';
