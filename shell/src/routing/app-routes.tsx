// The route table, derived from the store: a new manifest yields new routes without a reload,
// and a module whose release did not change keeps its mounted instance (same React key).
// A module that defers updates keeps its held release until the user navigates.
import { useLayoutEffect, useMemo } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { ShellLayout } from '../layout/shell-layout.tsx';
import { renderedModules } from '../manifest/deferred-swaps.ts';
import { useShellStore } from '../manifest/shell-store.ts';
import { ModuleHost } from '../modules/module-host.tsx';
import { HomePage } from '../pages/home-page.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { moduleRoutes } from './module-routes.ts';

const NO_MODULES = [] as const;

export function AppRoutes() {
  const { key: locationKey } = useLocation();
  const modules = useShellStore((s) => s.manifest?.modules ?? NO_MODULES);
  const holds = useShellStore((s) => s.holds);
  const noteLocation = useShellStore((s) => s.noteLocation);
  // Held releases only at the location they were held at: a navigation renders the new ones
  // at once, and the store forgets the holds right after.
  const rendered = useMemo(() => renderedModules(modules, holds, locationKey), [modules, holds, locationKey]);
  const entries = useMemo(() => moduleRoutes(rendered), [rendered]);
  useLayoutEffect(() => noteLocation(locationKey), [noteLocation, locationKey]);
  return (
    <Routes>
      <Route element={<ShellLayout />}>
        <Route index element={<HomePage />} />
        {entries.map((e) => (
          <Route
            key={e.key}
            path={e.path}
            element={<ModuleHost key={e.hostKey} module={e.module} route={e.route} />}
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
