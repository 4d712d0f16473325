// Bucketing spreads users evenly, is stable, only grows with the percentage, and is per group.
import { describe, expect, it } from 'vitest';
import { isInRollout, normalizedBucket } from './bucket.ts';

const USERS = Array.from({ length: 100_000 }, (_, i) => `user-${i}`);

describe('normalizedBucket', () => {
  it('matches the values Unleash clients compute', () => {
    // From the Unleash client specification: normalizedValue('123', 'gr1') and ('999', 'groupX').
    expect(normalizedBucket('gr1', '123')).toBe(73);
    expect(normalizedBucket('groupX', '999')).toBe(25);
  });

  it('is always within 1–100 and stable for the same user and group', () => {
    for (const user of USERS.slice(0, 5000)) {
      const b = normalizedBucket('acme.clients@2.0.0', user);
      expect(b >= 1 && b <= 100 && Number.isInteger(b)).toBe(true);
      expect(normalizedBucket('acme.clients@2.0.0', user)).toBe(b);
    }
  });

  it('gives independent buckets in different groups', () => {
    const a = USERS.map((u) => normalizedBucket('group-a', u));
    const b = USERS.map((u) => normalizedBucket('group-b', u));
    const same = a.filter((v, i) => v === b[i]).length / USERS.length;
    // Independent buckets agree about 1 time in 100.
    expect(same).toBeGreaterThan(0.005);
    expect(same).toBeLessThan(0.015);
    // Users in the first 10% of one group are spread over the other group like everyone else.
    const early = USERS.filter((_, i) => (a[i] ?? 0) <= 10);
    const earlyInB = early.filter((u) => isInRollout('group-b', u, 10)).length / early.length;
    expect(Math.abs(earlyInB - 0.1)).toBeLessThan(0.015);
  });
});

describe('isInRollout', () => {
  it.each([1, 5, 25, 50, 99])('lets about %i%% of users in', (pct) => {
    const inside = USERS.filter((u) => isInRollout('acme.clients:rollout-7', u, pct)).length;
    expect(Math.abs((inside / USERS.length) * 100 - pct)).toBeLessThanOrEqual(0.5);
  });

  it('never lets anyone in at 0% and everyone in at 100%', () => {
    for (const u of USERS.slice(0, 10_000)) {
      expect(isInRollout('g', u, 0)).toBe(false);
      expect(isInRollout('g', u, 100)).toBe(true);
    }
  });

  it('never moves a user out when the percentage rises', () => {
    const steps = [0, 1, 2, 5, 10, 25, 50, 75, 99, 100];
    const movedOut = USERS.slice(0, 20_000).filter((u) =>
      steps.some(
        (pct, i) =>
          i > 0 &&
          isInRollout('acme.analytics:r1', u, steps[i - 1] ?? 0) &&
          !isInRollout('acme.analytics:r1', u, pct),
      ),
    );
    expect(movedOut).toEqual([]);
  });
});
