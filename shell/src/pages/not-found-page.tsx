// Unknown path; or a page of a module that a later manifest removed.
import { Link, matchPath, useLocation } from 'react-router';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { useShellStore } from '../manifest/shell-store.ts';

export function NotFoundPage() {
  const { pathname } = useLocation();
  const removed = useShellStore((s) => s.removedModules).find((m) =>
    m.routes.some((r) => matchPath({ path: r.path, end: true }, pathname)),
  );
  useDocumentTitle(removed ? `${removed.name} removed` : 'Not found');
  if (removed) {
    return (
      <div className="pb-page" data-testid="module-removed" data-module-id={removed.id}>
        <h1>{removed.name} is no longer available</h1>
        <p className="pb-muted">
          The module <code>{removed.id}</code> was removed for this tenant while the page was open.
        </p>
        <Link to="/">Back to the home page</Link>
      </div>
    );
  }
  return (
    <div className="pb-page" data-testid="not-found">
      <h1>Page not found</h1>
      <p className="pb-muted">
        Nothing is installed at <code>{pathname}</code>.
      </p>
      <Link to="/">Back to the home page</Link>
    </div>
  );
}
