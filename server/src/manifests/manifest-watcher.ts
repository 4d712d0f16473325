// Watches manifests/ while the server runs: a dropped or changed file is registered within a
// moment, without a restart.
import { existsSync, watch } from 'node:fs';

export function watchManifests(root: string, onChange: () => Promise<void>, debounceMs = 250): () => void {
  if (!existsSync(root)) return () => {};
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = onChange().catch((err) => console.error('[plugboard] reloading manifests failed:', err));
    await running;
    running = null;
    if (again) {
      again = false;
      await run();
    }
  };
  const watcher = watch(root, { recursive: true }, () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  });
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
