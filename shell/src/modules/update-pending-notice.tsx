// The small notice on a module that deferred its update: a new release is waiting for it.
import type { ResolvedModule } from '@plugboard/shared';
import { useShellStore } from '../manifest/shell-store.ts';

/** The waiting release's version when `module` is a held release, else null. */
function usePendingVersion(module: ResolvedModule): string | null {
  return useShellStore((s) => {
    if (s.holds[module.id]?.module !== module) return null;
    return s.manifest?.modules.find((m) => m.id === module.id)?.version ?? null;
  });
}

export function UpdatePendingNotice({ module }: { module: ResolvedModule }) {
  const version = usePendingVersion(module);
  if (!version) return null;
  return (
    <p className="pb-update-pending" role="status" data-testid="module-update-pending" data-version={version}>
      A new version ({version}) is ready and will be applied when you finish
    </p>
  );
}
