// Builds the ModuleContext (the SDK's API) a module receives from the shell.

import { createEventBus, type ModuleContext, type ModuleNavigationEntry } from '@plugboard/sdk';
import type { ResolvedModule } from '@plugboard/shared';
import { useEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useShellStore } from '../manifest/shell-store.ts';
import { groupNavigation } from '../navigation/nav-groups.ts';
import { errorMessage } from './module-failure.ts';

/** One bus for the whole shell: modules talk to each other through it. */
export const shellEvents = createEventBus();

/** `deferUpdates` must be stable for the module instance (its effects depend on it). */
export function useModuleContextValue(
  module: ResolvedModule,
  deferUpdates: (defer: boolean) => void,
): ModuleContext | null {
  const manifest = useShellStore((s) => s.manifest);
  const user = useShellStore((s) => s.user);
  const navigate = useNavigate();
  // A stable navigate(): modules may keep it in effects without re-running them per location.
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);

  const modules = manifest?.modules;
  const navigation = useMemo<ModuleNavigationEntry[]>(
    () =>
      groupNavigation(modules ?? []).flatMap((s) =>
        s.items.map((i) => ({ label: i.label, path: i.path, moduleId: i.moduleId })),
      ),
    [modules],
  );
  const tenant = manifest?.tenant;
  const permissions = manifest?.permissions;

  return useMemo(() => {
    if (!tenant || !permissions) return null;
    const granted = new Set(permissions);
    return {
      tenant: { id: tenant.id, name: tenant.name },
      user: { id: user.id, anonymous: user.anonymous, permissions: [...permissions] },
      module: { id: module.id, version: module.version },
      config: module.config,
      navigation,
      theme: tenant.theme,
      hasPermission: (permission: string) => granted.has(permission),
      navigate: (path: string) => navigateRef.current(path),
      events: shellEvents,
      reportError: (error: unknown, detail?: string) => {
        console.error(
          `[plugboard] ${module.id}@${module.version} reported: ${errorMessage(error)}${detail ? ` (${detail})` : ''}`,
          error,
        );
      },
      deferUpdates,
    };
  }, [tenant, permissions, user, module, navigation, deferUpdates]);
}
