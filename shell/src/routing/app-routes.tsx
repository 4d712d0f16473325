// The route table, derived from the store: a new manifest yields new routes without a reload,
// and a module whose release did not change keeps its mounted instance (same React key).
import { useMemo } from 'react';
import { Route, Routes } from 'react-router';
import { ShellLayout } from '../layout/shell-layout.tsx';
import { useShellStore } from '../manifest/shell-store.ts';
import { ModuleHost } from '../modules/module-host.tsx';
import { HomePage } from '../pages/home-page.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { moduleRoutes } from './module-routes.ts';

export function AppRoutes() {
  const modules = useShellStore((s) => s.manifest?.modules);
  const entries = useMemo(() => moduleRoutes(modules ?? []), [modules]);
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
