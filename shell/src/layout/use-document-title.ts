// Sets the browser tab's title: "<page> · <tenant>".
import { useEffect } from 'react';
import { useShellStore } from '../manifest/shell-store.ts';

export function useDocumentTitle(page: string | null): void {
  const tenant = useShellStore((s) => s.manifest?.tenant.name);
  useEffect(() => {
    document.title = [page, tenant ?? 'Plugboard'].filter(Boolean).join(' · ');
  }, [page, tenant]);
}
