// Header, sidebar and the content area the current route renders into.
import { Outlet } from 'react-router';
import { Header } from './header.tsx';
import { OfflineNotice } from './offline-notice.tsx';
import { Sidebar } from './sidebar.tsx';

export function ShellLayout() {
  return (
    <div className="pb-shell">
      <Header />
      <OfflineNotice />
      <div className="pb-body">
        <Sidebar />
        <main className="pb-content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
