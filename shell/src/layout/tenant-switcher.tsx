// Header control to switch tenant without leaving the page.
import { useNavigate } from 'react-router';
import { useShellStore } from '../manifest/shell-store.ts';
import { useTenants } from '../session/use-tenants.ts';

export function TenantSwitcher() {
  const tenantId = useShellStore((s) => s.tenantId);
  const selectTenant = useShellStore((s) => s.selectTenant);
  const { tenants } = useTenants();
  const navigate = useNavigate();
  if (!tenants || tenants.length === 0) return null;
  const known = tenants.some((t) => t.id === tenantId);
  return (
    <label className="pb-switcher">
      <span className="pb-visually-hidden">Tenant</span>
      <select
        data-testid="tenant-switcher"
        value={tenantId ?? ''}
        onChange={(e) => {
          selectTenant(e.target.value || null);
          navigate('/');
        }}
      >
        {known ? null : <option value={tenantId ?? ''}>{tenantId ?? 'Choose a tenant'}</option>}
        {tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
