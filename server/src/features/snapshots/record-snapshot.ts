import type { Stores } from '../../db/unit-of-work.ts';
import type { SnapshotEntry } from './snapshot-store.ts';

/** Keeps what the tenant serves right now; called inside the transaction that changed it. */
export async function recordSnapshot(
  s: Stores,
  tenantId: string,
  actor: string,
  reason: string,
): Promise<void> {
  const releases: SnapshotEntry[] = (await s.installations.list(tenantId)).map((i) => ({
    moduleId: i.moduleId,
    version: i.version,
    candidateVersion: i.candidateVersion,
    percentage: i.percentage,
    groupId: i.groupId,
    enabled: i.enabled,
    config: i.config,
  }));
  await s.snapshots.insert({ tenantId, actor, reason, releases });
}
