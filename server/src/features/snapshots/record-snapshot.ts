import type { Installation } from '@plugboard/shared';
import type { Stores } from '../../db/unit-of-work.ts';
import type { SnapshotEntry } from './snapshot-store.ts';

/**
 * Keeps what the tenant serves right now; called inside the transaction that changed it.
 * `current` saves a read when the caller already holds the tenant's installations.
 */
export async function recordSnapshot(
  s: Stores,
  tenantId: string,
  actor: string,
  reason: string,
  current?: Installation[],
): Promise<void> {
  const releases: SnapshotEntry[] = (current ?? (await s.installations.list(tenantId))).map((i) => ({
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
