// Deferred swaps: a module instance that asked to defer updates keeps rendering its release
// when a new one arrives ("held"), until it clears the deferral or the user navigates.
// Pure: the store decides with these on every applied manifest.
import type { ResolvedModule } from '@plugboard/shared';

/** The release a module keeps rendering, and the location (router key) it was held at. */
export type HeldRelease = { module: ResolvedModule; locationKey: string };
/** Module id → its held release. */
export type Holds = Readonly<Record<string, HeldRelease>>;

export type SwapDecision = {
  holds: Holds;
  /** Modules whose new release is applied right away. */
  swapNow: string[];
  /** Modules that keep their current release for now (deferred). */
  pending: string[];
};

/** A different release (not just different settings): its instance would be replaced. */
export function isNewRelease(a: ResolvedModule, b: ResolvedModule): boolean {
  return a.version !== b.version || a.remote.entry !== b.remote.entry;
}

/**
 * Which modules swap now and which keep what they render: a module with a new release is held
 * only while some instance of it defers. Modules gone from `next` are never held.
 */
export function decideSwaps(input: {
  previous: readonly ResolvedModule[];
  next: readonly ResolvedModule[];
  holds: Holds;
  deferred: ReadonlySet<string>;
  locationKey: string;
}): SwapDecision {
  const previous = new Map(input.previous.map((m) => [m.id, m]));
  const holds: Record<string, HeldRelease> = {};
  const swapNow: string[] = [];
  const pending: string[] = [];
  for (const m of input.next) {
    const held = input.holds[m.id];
    const shown = held?.module ?? previous.get(m.id);
    if (!shown || !isNewRelease(shown, m)) continue;
    if (input.deferred.has(m.id)) {
      holds[m.id] = held ?? { module: shown, locationKey: input.locationKey };
      pending.push(m.id);
    } else {
      swapNow.push(m.id);
    }
  }
  return { holds, swapNow, pending };
}

/** The modules as rendered: held releases in place of their successors, at the held location. */
export function renderedModules(
  modules: readonly ResolvedModule[],
  holds: Holds,
  locationKey: string,
): readonly ResolvedModule[] {
  let changed = false;
  const rendered = modules.map((m) => {
    const held = holds[m.id];
    if (!held || held.locationKey !== locationKey) return m;
    changed = true;
    return held.module;
  });
  // Same array when nothing is held, so memoised routes stay the same.
  return changed ? rendered : modules;
}

/** Holds without `moduleId` (its deferral was cleared): the same object when it had none. */
export function releaseHold(holds: Holds, moduleId: string): Holds {
  if (!holds[moduleId]) return holds;
  const { [moduleId]: _released, ...rest } = holds;
  return rest;
}
