// The state changes of a rollout. Each runs inside the caller's transaction and leaves the
// installation (what users get), the rollout (the process), its history, the audit log and a
// snapshot consistent with each other: all of it commits, or none.
import type { Stores } from '../../db/unit-of-work.ts';
import { recordSnapshot } from '../snapshots/record-snapshot.ts';
import type { RolloutRow } from './rollout-store.ts';

export type Finish = 'completed' | 'aborted' | 'rolled-back';

const ACTION: Record<Finish, string> = { completed: 'promote', aborted: 'abort', 'rolled-back': 'rollback' };

export async function setPercentage(
  s: Stores,
  rollout: RolloutRow,
  change: { percentage: number; stepIndex: number },
  actor: string,
  action: string,
  detail: Record<string, unknown>,
  now: number,
): Promise<void> {
  const installation = await s.installations.get(rollout.tenantId, rollout.moduleId);
  if (!installation) throw new Error(`rollout ${rollout.id} has no installation`);
  await s.installations.upsert({ ...installation, percentage: change.percentage });
  await s.rollouts.update(rollout.id, {
    percentage: change.percentage,
    stepIndex: change.stepIndex,
    stepStartedAt: new Date(now).toISOString(),
  });
  await s.rollouts.addEvent({ rolloutId: rollout.id, actor, action, percentage: change.percentage, detail });
  await s.tenants.bumpRevision(rollout.tenantId);
  await s.audit.record({
    actor,
    action: `rollout.${action}`,
    tenantId: rollout.tenantId,
    moduleId: rollout.moduleId,
    before: { percentage: rollout.percentage, stepIndex: rollout.stepIndex },
    after: { percentage: change.percentage, stepIndex: change.stepIndex, ...detail },
  });
  await recordSnapshot(
    s,
    rollout.tenantId,
    actor,
    `rollout.${action} ${rollout.moduleId}@${rollout.toVersion} ${change.percentage}%`,
  );
}

export async function setStatus(
  s: Stores,
  rollout: RolloutRow,
  status: 'running' | 'paused',
  actor: string,
  now: number,
) {
  await s.rollouts.update(rollout.id, {
    status,
    // Resuming starts the step's interval and health window afresh.
    ...(status === 'running' ? { stepStartedAt: new Date(now).toISOString() } : {}),
  });
  const action = status === 'running' ? 'resume' : 'pause';
  await s.rollouts.addEvent({ rolloutId: rollout.id, actor, action, percentage: rollout.percentage });
  await s.audit.record({
    actor,
    action: `rollout.${action}`,
    tenantId: rollout.tenantId,
    moduleId: rollout.moduleId,
    before: { status: rollout.status },
    after: { status },
  });
}

/** Ends a rollout: the candidate becomes stable (completed), or users go back to the stable release. */
export async function finish(
  s: Stores,
  rollout: RolloutRow,
  outcome: Finish,
  actor: string,
  reason: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const installation = await s.installations.get(rollout.tenantId, rollout.moduleId);
  if (installation) {
    if (outcome === 'completed') {
      await s.installations.upsert({
        ...installation,
        version: rollout.toVersion,
        candidateVersion: null,
        percentage: 0,
      });
    } else if (installation.version === null) {
      // Rolled out from nothing: going back means not installed at all.
      await s.installations.remove(rollout.tenantId, rollout.moduleId);
    } else {
      await s.installations.upsert({ ...installation, candidateVersion: null, percentage: 0 });
    }
  }
  const action = ACTION[outcome];
  await s.rollouts.update(rollout.id, { status: outcome, finishedAt: new Date().toISOString(), reason });
  await s.rollouts.addEvent({
    rolloutId: rollout.id,
    actor,
    action,
    percentage: outcome === 'completed' ? 100 : 0,
    detail: { reason, ...detail },
  });
  await s.tenants.bumpRevision(rollout.tenantId);
  await s.audit.record({
    actor,
    action: `rollout.${action}`,
    tenantId: rollout.tenantId,
    moduleId: rollout.moduleId,
    before: { stable: rollout.fromVersion, candidate: rollout.toVersion, percentage: rollout.percentage },
    after: { stable: outcome === 'completed' ? rollout.toVersion : rollout.fromVersion, reason, ...detail },
  });
  await recordSnapshot(
    s,
    rollout.tenantId,
    actor,
    `rollout.${action} ${rollout.moduleId}@${rollout.toVersion}`,
  );
}
