// Moves running rollouts along. The schedule lives in the database (each rollout's step start
// and interval), not in timers: this loop only looks at it, so a restart picks up where the
// last process stopped, and with several instances the row lock lets only one apply a step.
import type { UnitOfWork } from '../../db/unit-of-work.ts';
import type { ChangeListener } from '../resolve/change-listener.ts';
import { rolloutHealth } from './rollout-health.ts';
import type { RolloutRow } from './rollout-store.ts';
import { finish, setPercentage } from './rollout-transitions.ts';

export const SCHEDULER_ACTOR = 'plugboard:rollout-scheduler';

export type TickResult = { rolloutId: number; action: string; reason: string };

export function createRolloutScheduler(
  uow: UnitOfWork,
  changes: ChangeListener,
  options: { now?: () => number; log?: (message: string) => void } = {},
) {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((m: string) => console.log(m));

  async function step(candidate: RolloutRow): Promise<TickResult | null> {
    const { health, decision } = await rolloutHealth(uow.stores, candidate, now());
    if (decision.action === 'wait') return null;
    const applied = await uow.transaction(async (s) => {
      const rollout = await s.rollouts.byIdForUpdate(candidate.id);
      // Someone (a person, or another instance) changed it since we looked: look again next tick.
      if (
        rollout?.status !== 'running' ||
        rollout.stepIndex !== candidate.stepIndex ||
        rollout.percentage !== candidate.percentage ||
        rollout.stepStartedAt !== candidate.stepStartedAt
      ) {
        return false;
      }
      const figures = {
        samples: health.samples,
        errorRate: health.errorRate,
        maxErrorRate: rollout.maxErrorRate,
      };
      if (decision.action === 'rollback') {
        await finish(s, rollout, 'rolled-back', SCHEDULER_ACTOR, decision.reason, figures);
      } else if (decision.action === 'promote') {
        await finish(s, rollout, 'completed', SCHEDULER_ACTOR, decision.reason, figures);
      } else {
        const detail = { reason: decision.reason, ...figures };
        await setPercentage(s, rollout, decision, SCHEDULER_ACTOR, 'advance', detail, now());
      }
      return true;
    });
    if (!applied) return null;
    await changes.tenantChanged(candidate.tenantId, 'rollout');
    log(
      `[plugboard] rollout ${candidate.moduleId}@${candidate.toVersion} for ${candidate.tenantId}: ${decision.action} (${decision.reason})`,
    );
    return { rolloutId: candidate.id, action: decision.action, reason: decision.reason };
  }

  /** One pass over every running rollout. */
  async function tick(): Promise<TickResult[]> {
    const results: TickResult[] = [];
    for (const rollout of await uow.stores.rollouts.running()) {
      try {
        const result = await step(rollout);
        if (result) results.push(result);
      } catch (err) {
        log(`[plugboard] rollout ${rollout.id} could not be stepped: ${(err as Error).message}`);
      }
    }
    return results;
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  return {
    tick,
    start(intervalMs = 1000) {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = tick().finally(() => {
          running = null;
        });
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
export type RolloutScheduler = ReturnType<typeof createRolloutScheduler>;
