// Shown when no tenant is chosen, or the chosen one does not exist.
import { useNavigate } from 'react-router';
import { useShellStore } from '../manifest/shell-store.ts';
import { useTenants } from '../session/use-tenants.ts';

export function TenantPickerPage({ unknownTenant }: { unknownTenant?: string | null }) {
  const selectTenant = useShellStore((s) => s.selectTenant);
  const { tenants, error } = useTenants();
  const navigate = useNavigate();
  return (
    <div className="pb-centered">
      <div className="pb-panel" data-testid="tenant-picker">
        {unknownTenant ? (
          <p className="pb-warning" role="alert" data-testid="tenant-not-found">
            There is no tenant called <strong>{unknownTenant}</strong>. Choose one below.
          </p>
        ) : null}
        <h1>Choose a tenant</h1>
        {error ? <p className="pb-warning">{error}</p> : null}
        {tenants === null && !error ? <p className="pb-muted">Loading tenants…</p> : null}
        {tenants?.length === 0 ? <p className="pb-muted">No tenants exist yet.</p> : null}
        <ul className="pb-tenant-list">
          {tenants?.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="pb-tenant-option"
                data-testid="tenant-option"
                data-tenant={t.id}
                style={{ borderColor: t.theme.primary }}
                onClick={() => {
                  navigate('/', { replace: true });
                  selectTenant(t.id);
                }}
              >
                {t.theme.logo ? <img src={t.theme.logo} alt="" className="pb-logo" /> : null}
                <span>{t.name}</span>
                <code className="pb-muted">{t.id}</code>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
