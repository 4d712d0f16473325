// Snapshots of what a tenant serves, and restoring one in a single transaction. A restored
// candidate comes back as a paused rollout at its percentage, so nothing moves until an admin
// resumes it.
import type { UnitOfWork } from '../../db/unit-of-work.ts';
import { notFound } from '../../errors.ts';
import type { ChangeListener } from '../resolve/change-listener.ts';
import type { EntryFetcher } from '../rollouts/release-gate.ts';
import { assertServable } from '../rollouts/release-gate.ts';
import { recordSnapshot } from './record-snapshot.ts';

export function createSnapshotService(
  uow: UnitOfWork,
  changes: ChangeListener,
  options: { fetcher?: EntryFetcher } = {},
) {
  return {
    async list(tenantId: string, limit = 50, before?: number) {
      if (!(await uow.stores.tenants.get(tenantId)))
        throw notFound('TENANT_NOT_FOUND', `No tenant "${tenantId}"`);
      return uow.stores.snapshots.list(tenantId, limit, before);
    },

    async restore(tenantId: string, snapshotId: number, actor: string): Promise<void> {
      const snapshot = await uow.stores.snapshots.get(tenantId, snapshotId);
      if (!snapshot)
        throw notFound('SNAPSHOT_NOT_FOUND', `No snapshot ${snapshotId} for tenant "${tenantId}"`);
      // Fail closed: every release the snapshot serves must still pass the gate.
      for (const entry of snapshot.releases) {
        if (!entry.enabled) continue;
        for (const version of [entry.version, entry.candidateVersion]) {
          const release = version ? await uow.stores.modules.getRelease(entry.moduleId, version) : null;
          if (release)
            await assertServable(uow.stores, tenantId, release, { checkCompatibility: false, ...options });
        }
      }
      await uow.transaction(async (s) => {
        if (!(await s.tenants.getForUpdate(tenantId)))
          throw notFound('TENANT_NOT_FOUND', `No tenant "${tenantId}"`);
        const now = new Date().toISOString();
        for (const r of await s.rollouts.activeForTenant(tenantId)) {
          await s.rollouts.update(r.id, {
            status: 'aborted',
            finishedAt: now,
            reason: `snapshot ${snapshotId} restored`,
          });
          await s.rollouts.addEvent({
            rolloutId: r.id,
            actor,
            action: 'abort',
            percentage: 0,
            detail: { snapshot: snapshotId },
          });
        }
        const keep = new Set(snapshot.releases.map((e) => e.moduleId));
        for (const i of await s.installations.list(tenantId)) {
          if (!keep.has(i.moduleId)) await s.installations.remove(tenantId, i.moduleId);
        }
        for (const e of snapshot.releases) {
          await s.installations.upsert({ tenantId, ...e });
          if (e.candidateVersion) {
            const rollout = await s.rollouts.insert({
              tenantId,
              moduleId: e.moduleId,
              fromVersion: e.version,
              toVersion: e.candidateVersion,
              status: 'paused',
              steps: [e.percentage, 100].filter((v, i, a) => a.indexOf(v) === i && v > 0),
              stepIndex: 0,
              percentage: e.percentage,
              intervalSeconds: 300,
              maxErrorRate: 0.05,
              minSamples: 20,
              groupId: e.groupId ?? e.moduleId,
              createdBy: actor,
            });
            await s.rollouts.addEvent({
              rolloutId: rollout.id,
              actor,
              action: 'restore',
              percentage: e.percentage,
            });
          }
        }
        await s.tenants.bumpRevision(tenantId);
        await s.audit.record({
          actor,
          action: 'snapshot.restore',
          tenantId,
          after: { snapshot: snapshotId, releases: snapshot.releases },
        });
        await recordSnapshot(s, tenantId, actor, `snapshot.restore ${snapshotId}`);
      });
      await changes.tenantChanged(tenantId, 'snapshot');
    },
  };
}
export type SnapshotService = ReturnType<typeof createSnapshotService>;
