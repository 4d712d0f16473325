// Lets a module hold off a live upgrade while the user is in the middle of something.
import { useEffect } from 'react';
import { useModuleContext } from './module-context.ts';

/**
 * Defers swapping in a new release of this module while `defer` is true (for example while a
 * form has unsaved changes); cleared when `defer` turns false or the component unmounts.
 */
export function useDeferUpdates(defer: boolean): void {
  const { deferUpdates } = useModuleContext();
  useEffect(() => {
    // A shell older than this SDK offers no deferral: then there is nothing to do.
    if (typeof deferUpdates !== 'function') return;
    deferUpdates(defer);
    return () => deferUpdates(false);
  }, [defer, deferUpdates]);
}
