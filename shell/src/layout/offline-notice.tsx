// Tells the user the server is unreachable and the shell shows what it last knew.
import { useShellStore } from '../manifest/shell-store.ts';

export function OfflineNotice() {
  const offline = useShellStore((s) => s.offline);
  if (!offline) return null;
  return (
    <p className="pb-offline-notice" role="status" data-testid="offline-notice">
      Working offline — showing the last known modules
    </p>
  );
}
