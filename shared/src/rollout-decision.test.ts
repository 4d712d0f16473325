import { describe, expect, it } from 'vitest';
import { decideRollout, health, type RolloutState } from './rollout-decision.ts';

const state = (over: Partial<RolloutState> = {}): RolloutState => ({
  status: 'running',
  steps: [1, 5, 25, 50, 100],
  stepIndex: 0,
  percentage: 1,
  intervalSeconds: 60,
  maxErrorRate: 0.05,
  minSamples: 20,
  stepStartedAt: 0,
  ...over,
});

describe('decideRollout', () => {
  it('rolls back once enough outcomes show too many errors, even before the step is due', () => {
    const d = decideRollout(state(), health({ loaded: 10, failed: 10 }), 1000);
    expect(d.action).toBe('rollback');
    expect(d.reason).toContain('50.0%');
    expect(d.reason).toContain('20 outcomes');
  });

  it('does not roll back on too few outcomes', () => {
    expect(decideRollout(state(), health({ loaded: 0, failed: 19 }), 120_000).action).toBe('wait');
  });

  it('waits for the interval, then advances to the next step when healthy', () => {
    expect(decideRollout(state(), health({ loaded: 100, failed: 0 }), 59_000).action).toBe('wait');
    expect(decideRollout(state(), health({ loaded: 100, failed: 1 }), 60_000)).toMatchObject({
      action: 'advance',
      stepIndex: 1,
      percentage: 5,
    });
  });

  it('makes no progress without traffic, and says so', () => {
    const d = decideRollout(state(), health({ loaded: 3, failed: 0 }), 600_000);
    expect(d).toMatchObject({ action: 'wait' });
    expect(d.reason).toContain('3 of the 20');
  });

  it('promotes after the last step is healthy', () => {
    const d = decideRollout(
      state({ stepIndex: 4, percentage: 100 }),
      health({ loaded: 50, failed: 0 }),
      60_000,
    );
    expect(d.action).toBe('promote');
  });

  it('skips steps at or below a percentage set by hand', () => {
    const d = decideRollout(
      state({ stepIndex: 1, percentage: 30 }),
      health({ loaded: 50, failed: 0 }),
      60_000,
    );
    expect(d).toMatchObject({ action: 'advance', stepIndex: 3, percentage: 50 });
  });

  it('does nothing while paused', () => {
    expect(
      decideRollout(state({ status: 'paused' }), health({ loaded: 0, failed: 100 }), 60_000).action,
    ).toBe('wait');
  });
});
