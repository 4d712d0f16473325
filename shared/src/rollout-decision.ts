// What a running rollout should do next, decided from its state, the candidate's health and the
// clock. Pure, so the scheduler's behaviour is tested without a database or timers.

export type HealthSample = { loaded: number; failed: number };
export type Health = HealthSample & { samples: number; errorRate: number };

export type RolloutState = {
  status: 'running' | 'paused' | 'completed' | 'aborted' | 'rolled-back';
  steps: number[];
  stepIndex: number;
  percentage: number;
  intervalSeconds: number;
  maxErrorRate: number;
  minSamples: number;
  /** Milliseconds since the epoch when the current step began. */
  stepStartedAt: number;
};

export type RolloutDecision =
  | { action: 'rollback'; reason: string }
  | { action: 'advance'; stepIndex: number; percentage: number; reason: string }
  | { action: 'promote'; reason: string }
  | { action: 'wait'; reason: string };

export function health(sample: HealthSample): Health {
  const samples = sample.loaded + sample.failed;
  return { ...sample, samples, errorRate: samples === 0 ? 0 : sample.failed / samples };
}

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;

export function decideRollout(state: RolloutState, h: Health, now: number): RolloutDecision {
  if (state.status !== 'running') return { action: 'wait', reason: `the rollout is ${state.status}` };
  const enough = h.samples >= state.minSamples;
  if (enough && h.errorRate > state.maxErrorRate) {
    return {
      action: 'rollback',
      reason: `error rate ${pct(h.errorRate)} over ${h.samples} outcomes exceeds ${pct(state.maxErrorRate)}`,
    };
  }
  const due = state.stepStartedAt + state.intervalSeconds * 1000;
  if (now < due) return { action: 'wait', reason: `next step in ${Math.ceil((due - now) / 1000)} s` };
  if (!enough) {
    return {
      action: 'wait',
      reason: `waiting for outcomes: ${h.samples} of the ${state.minSamples} needed at ${state.percentage}%`,
    };
  }
  const healthy = `error rate ${pct(h.errorRate)} over ${h.samples} outcomes`;
  const next = state.steps.findIndex((s, i) => i > state.stepIndex && s > state.percentage);
  if (next === -1) return { action: 'promote', reason: `healthy at ${state.percentage}%: ${healthy}` };
  const percentage = state.steps[next] ?? 100;
  return {
    action: 'advance',
    stepIndex: next,
    percentage,
    reason: `healthy at ${state.percentage}%: ${healthy}`,
  };
}
