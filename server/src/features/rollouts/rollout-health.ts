import { decideRollout, health, type RolloutState } from '@plugboard/shared';
import type { Stores } from '../../db/unit-of-work.ts';
import type { RolloutRow } from './rollout-store.ts';

export const rolloutState = (r: RolloutRow): RolloutState => ({
  status: r.status as RolloutState['status'],
  steps: r.steps,
  stepIndex: r.stepIndex,
  percentage: r.percentage,
  intervalSeconds: r.intervalSeconds,
  maxErrorRate: r.maxErrorRate,
  minSamples: r.minSamples,
  stepStartedAt: Date.parse(r.stepStartedAt),
});

/** The candidate's outcomes since the current step began, and what the scheduler would do. */
export async function rolloutHealth(stores: Stores, rollout: RolloutRow, now: number) {
  const totals = await stores.outcomes.totals(
    rollout.tenantId,
    rollout.moduleId,
    rollout.toVersion,
    Date.parse(rollout.stepStartedAt),
  );
  const h = health({ loaded: totals.loaded, failed: totals.loadFailed + totals.renderCrashed });
  return {
    health: {
      ...h,
      loadFailed: totals.loadFailed,
      renderCrashed: totals.renderCrashed,
      since: rollout.stepStartedAt,
    },
    decision: decideRollout(rolloutState(rollout), h, now),
  };
}
