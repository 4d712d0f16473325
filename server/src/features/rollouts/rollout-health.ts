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

/**
 * Health is judged on a sliding window: the candidate's outcomes since the current step began,
 * but none older than this, so a long step still reacts to what users see now.
 */
export const HEALTH_WINDOW_MS = 10 * 60 * 1000;

/** The candidate's outcomes in the health window, and what the scheduler would do. */
export async function rolloutHealth(stores: Stores, rollout: RolloutRow, now: number) {
  const since = Math.max(Date.parse(rollout.stepStartedAt), now - HEALTH_WINDOW_MS);
  const totals = await stores.outcomes.totals(rollout.tenantId, rollout.moduleId, rollout.toVersion, since);
  const h = health({ loaded: totals.loaded, failed: totals.loadFailed + totals.renderCrashed });
  return {
    health: {
      ...h,
      loadFailed: totals.loadFailed,
      renderCrashed: totals.renderCrashed,
      since: new Date(since).toISOString(),
    },
    decision: decideRollout(rolloutState(rollout), h, now),
  };
}
