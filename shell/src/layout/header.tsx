// Top bar: tenant logo and name, tenant switcher, current user.
import { Link } from 'react-router';
import { useShellStore } from '../manifest/shell-store.ts';
import { TenantSwitcher } from './tenant-switcher.tsx';

export function Header() {
  const tenant = useShellStore((s) => s.manifest?.tenant);
  const user = useShellStore((s) => s.user);
  return (
    <header className="pb-header">
      <Link to="/" className="pb-brand">
        {tenant?.theme.logo ? (
          <img className="pb-logo" src={tenant.theme.logo} alt="" data-testid="tenant-logo" />
        ) : null}
        <span data-testid="tenant-name">{tenant?.name ?? 'Plugboard'}</span>
      </Link>
      <div className="pb-header-tools">
        <TenantSwitcher />
        <span className="pb-user" data-testid="current-user" title={user.id}>
          {user.anonymous ? `Guest (${user.id.slice(0, 13)}…)` : user.id}
        </span>
      </div>
    </header>
  );
}
