// Full-page states before the shell can show anything: loading, or the manifest failed.
import { useShellStore } from '../manifest/shell-store.ts';

export function LoadingPage() {
  return (
    <div className="pb-centered" data-testid="shell-loading" aria-busy="true">
      <p className="pb-muted">Loading your workspace…</p>
    </div>
  );
}

export function ManifestErrorPage({ onRetry }: { onRetry(): void }) {
  const error = useShellStore((s) => s.error);
  const selectTenant = useShellStore((s) => s.selectTenant);
  return (
    <div className="pb-centered">
      <div className="pb-panel" role="alert" data-testid="manifest-error">
        <h1>Your workspace could not be loaded</h1>
        <p className="pb-muted">{error}</p>
        <div className="pb-actions">
          <button type="button" className="pb-button" onClick={onRetry}>
            Retry
          </button>
          <button type="button" className="pb-button pb-button-quiet" onClick={() => selectTenant(null)}>
            Choose another tenant
          </button>
        </div>
      </div>
    </div>
  );
}
