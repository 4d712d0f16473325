import { describe, expect, it } from 'vitest';
import { createRefetchScheduler } from './refetch-scheduler.ts';

/** A fake server: each refetch waits for release() and then applies `serverRevision`. */
function setup(applied: number | null = 12) {
  const state = { applied, serverRevision: applied ?? 0, calls: 0 };
  const waiting: (() => void)[] = [];
  const scheduler = createRefetchScheduler({
    currentRevision: () => state.applied,
    refetch: () =>
      new Promise<void>((resolve) => {
        state.calls += 1;
        waiting.push(() => {
          state.applied = state.serverRevision;
          resolve();
        });
      }),
  });
  const release = async () => {
    waiting.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { state, scheduler, release };
}

describe('createRefetchScheduler', () => {
  it('ignores revisions that are not newer than the applied one', () => {
    const { state, scheduler } = setup(12);
    scheduler.announce(12);
    scheduler.announce(3);
    expect(state.calls).toBe(0);
  });

  it('refetches on a newer revision', async () => {
    const { state, scheduler, release } = setup(12);
    state.serverRevision = 13;
    scheduler.announce(13);
    expect(state.calls).toBe(1);
    await release();
    await scheduler.idle();
    expect(state.applied).toBe(13);
  });

  it('coalesces a burst into one refetch in flight and one queued', async () => {
    const { state, scheduler, release } = setup(12);
    state.serverRevision = 13;
    scheduler.announce(13);
    scheduler.announce(14);
    scheduler.announce(15);
    scheduler.announce(16);
    expect(state.calls).toBe(1);
    state.serverRevision = 16;
    await release(); // the first one brought 16
    await release();
    await scheduler.idle();
    // The queued run was for revisions the first refetch already brought: skipped.
    expect(state.calls).toBe(1);
    expect(state.applied).toBe(16);
  });

  it('runs the queued refetch when the first one came back older', async () => {
    const { state, scheduler, release } = setup(12);
    state.serverRevision = 13;
    scheduler.announce(13);
    scheduler.announce(14);
    await release(); // brought 13 only
    expect(state.calls).toBe(2);
    state.serverRevision = 14;
    await release();
    await scheduler.idle();
    expect(state.applied).toBe(14);
  });

  it('always runs a requested refetch, coalesced with announcements', async () => {
    const { state, scheduler, release } = setup(12);
    scheduler.request();
    scheduler.request();
    scheduler.announce(13);
    expect(state.calls).toBe(1);
    await release();
    expect(state.calls).toBe(2); // the queued request runs even though nothing newer is known
    await release();
    await scheduler.idle();
    expect(state.calls).toBe(2);
  });

  it('remembers announcements made before the first manifest and rechecks after it', async () => {
    const { state, scheduler, release } = setup(null);
    scheduler.announce(13);
    expect(state.calls).toBe(0);
    state.applied = 12; // the boot load applied an older revision
    state.serverRevision = 13;
    scheduler.recheck();
    expect(state.calls).toBe(1);
    await release();
    scheduler.recheck();
    expect(state.calls).toBe(1);
  });

  it('does nothing once disposed', async () => {
    const { state, scheduler, release } = setup(12);
    scheduler.announce(13);
    scheduler.announce(14);
    scheduler.dispose();
    await release();
    scheduler.request();
    expect(state.calls).toBe(1);
  });
});
