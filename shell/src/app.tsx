// Chooses what the page shows: tenant picker, loading/error states, or the shell with routes.
import { useEffect } from 'react';
import { useLiveUpdates } from './manifest/live-updates.ts';
import { loadManifest } from './manifest/manifest-sync.ts';
import { useShellStore } from './manifest/shell-store.ts';
import { LoadingPage, ManifestErrorPage } from './pages/status-page.tsx';
import { TenantPickerPage } from './pages/tenant-picker-page.tsx';
import { AppRoutes } from './routing/app-routes.tsx';
import { applyTheme } from './theme/apply-theme.ts';

export function App() {
  const tenantId = useShellStore((s) => s.tenantId);
  const userId = useShellStore((s) => s.user.id);
  const session = useShellStore((s) => s.session);
  const status = useShellStore((s) => s.status);
  const hasManifest = useShellStore((s) => s.manifest !== null);
  const theme = useShellStore((s) => s.manifest?.tenant.theme ?? null);
  const revision = useShellStore((s) => s.manifest?.revision ?? null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload whenever the tenant choice or user change
  useEffect(() => {
    void loadManifest();
  }, [tenantId, userId, session]);

  useLiveUpdates(tenantId, session);
  useEffect(() => applyTheme(theme), [theme]);
  // Lets tests wait for a revision to be applied, without reloads.
  useEffect(() => {
    if (revision === null) delete document.documentElement.dataset.revision;
    else document.documentElement.dataset.revision = String(revision);
  }, [revision]);

  if (!tenantId) return <TenantPickerPage />;
  if (status === 'not-found') return <TenantPickerPage unknownTenant={tenantId} />;
  if (status === 'error') return <ManifestErrorPage onRetry={() => void loadManifest()} />;
  if (!hasManifest) return <LoadingPage />;
  return <AppRoutes />;
}
