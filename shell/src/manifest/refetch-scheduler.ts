// Decides when a server event means "refetch the manifest", and coalesces bursts: at most one
// refetch in flight and one queued behind it, however many events arrive meanwhile.
// DOM-free: the current revision and the refetch itself are passed in.

export type RefetchScheduler = {
  /**
   * The server announced `revision`. Refetches when it is newer than what is applied.
   * Before any manifest is applied (boot), the announcement is remembered for `recheck`.
   */
  announce(revision: number): void;
  /** Refetch whatever the revision (reconnects, offline retries): still coalesced. */
  request(): void;
  /** A manifest was applied by someone else (boot): refetch if a newer one was announced. */
  recheck(): void;
  /** Settles when nothing is in flight or queued (for tests). */
  idle(): Promise<void>;
  dispose(): void;
};

export type SchedulerOptions = {
  /** The applied manifest's revision, or null while none is applied. */
  currentRevision(): number | null;
  /** Fetches and applies; must not throw (failures are the caller's business). */
  refetch(): Promise<void>;
};

export function createRefetchScheduler({ currentRevision, refetch }: SchedulerOptions): RefetchScheduler {
  let running: Promise<void> | null = null;
  /** Why the queued run is wanted: 'newer' only while a newer revision is announced. */
  let queued: 'newer' | 'always' | null = null;
  let announced = Number.NEGATIVE_INFINITY;
  let disposed = false;

  const isBehind = () => {
    const current = currentRevision();
    return current !== null && announced > current;
  };

  const loop = async () => {
    try {
      await refetch();
      while (queued && !disposed) {
        const reason = queued;
        queued = null;
        // A queued run for a revision the last refetch already brought is skipped.
        if (reason === 'newer' && !isBehind()) continue;
        await refetch();
      }
    } catch (error) {
      console.warn('[plugboard] manifest refetch failed', error);
    } finally {
      running = null;
      queued = null;
    }
  };

  const schedule = (reason: 'newer' | 'always') => {
    if (disposed) return;
    if (running) {
      if (queued !== 'always') queued = reason;
      return;
    }
    running = loop();
  };

  return {
    announce(revision) {
      if (!Number.isFinite(revision)) return;
      announced = Math.max(announced, revision);
      if (isBehind()) schedule('newer');
    },
    request() {
      schedule('always');
    },
    recheck() {
      if (!running && isBehind()) schedule('newer');
    },
    async idle() {
      while (running) await running;
    },
    dispose() {
      disposed = true;
      queued = null;
    },
  };
}
