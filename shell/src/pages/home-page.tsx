// Welcome page: the modules installed for this tenant and user, with their versions.
import { Link } from 'react-router';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { useShellStore } from '../manifest/shell-store.ts';

export function HomePage() {
  const manifest = useShellStore((s) => s.manifest);
  const user = useShellStore((s) => s.user);
  const modules = manifest?.modules ?? [];
  useDocumentTitle('Home');
  return (
    <div className="pb-page" data-testid="home">
      <h1>Welcome to {manifest?.tenant.name ?? 'Plugboard'}</h1>
      <p className="pb-muted">
        Signed in as {user.anonymous ? 'a guest' : user.id}. {modules.length} module
        {modules.length === 1 ? '' : 's'} installed.
      </p>
      {modules.length === 0 ? (
        <p data-testid="home-empty">No modules are installed for this tenant yet.</p>
      ) : (
        <ul className="pb-cards">
          {modules.map((m) => {
            const first = m.navigation[0]?.path ?? m.routes.find((r) => !r.path.includes(':'))?.path;
            return (
              <li key={m.id} className="pb-card" data-testid="home-module" data-module-id={m.id}>
                <h2>{first ? <Link to={first}>{m.name}</Link> : m.name}</h2>
                <p className="pb-muted">
                  <code>{m.id}</code> · version <span data-testid="home-module-version">{m.version}</span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
