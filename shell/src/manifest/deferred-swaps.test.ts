import { describe, expect, it } from 'vitest';
import { fakeModule } from '../test-fixtures.ts';
import { decideSwaps, isNewRelease, releaseHold, renderedModules } from './deferred-swaps.ts';

const a1 = fakeModule('acme.a', '1.0.0');
const a2 = fakeModule('acme.a', '2.0.0');
const a3 = fakeModule('acme.a', '3.0.0');
const b1 = fakeModule('acme.b', '1.0.0');
const b2 = fakeModule('acme.b', '2.0.0');

describe('isNewRelease', () => {
  it('is a new release when the version or the entry differ, not the settings', () => {
    expect(isNewRelease(a1, a2)).toBe(true);
    expect(isNewRelease(a1, { ...a1, remote: { ...a1.remote, entry: '/other/remoteEntry.js' } })).toBe(true);
    expect(isNewRelease(a1, { ...a1, config: { pageSize: 5 } })).toBe(false);
  });
});

describe('decideSwaps', () => {
  it('swaps every new release when nothing defers', () => {
    const d = decideSwaps({
      previous: [a1, b1],
      next: [a2, b2],
      holds: {},
      deferred: new Set(),
      locationKey: 'k',
    });
    expect(d).toEqual({ holds: {}, swapNow: ['acme.a', 'acme.b'], pending: [] });
  });

  it('holds the current release of a deferring module, swaps the others', () => {
    const d = decideSwaps({
      previous: [a1, b1],
      next: [a2, b2],
      holds: {},
      deferred: new Set(['acme.a']),
      locationKey: 'k1',
    });
    expect(d.swapNow).toEqual(['acme.b']);
    expect(d.pending).toEqual(['acme.a']);
    expect(d.holds['acme.a']).toEqual({ module: a1, locationKey: 'k1' });
  });

  it('keeps holding the first release when more arrive', () => {
    const holds = { 'acme.a': { module: a1, locationKey: 'k1' } };
    const d = decideSwaps({
      previous: [a2],
      next: [a3],
      holds,
      deferred: new Set(['acme.a']),
      locationKey: 'k2',
    });
    expect(d.holds['acme.a']).toBe(holds['acme.a']);
    expect(d.pending).toEqual(['acme.a']);
  });

  it('drops the hold when the held release comes back, or the module is removed', () => {
    const holds = { 'acme.a': { module: a1, locationKey: 'k' } };
    const deferred = new Set(['acme.a']);
    expect(decideSwaps({ previous: [a2], next: [a1], holds, deferred, locationKey: 'k' }).holds).toEqual({});
    expect(decideSwaps({ previous: [a2, b1], next: [b1], holds, deferred, locationKey: 'k' }).holds).toEqual(
      {},
    );
  });

  it('never holds new modules or changes of settings only', () => {
    const d = decideSwaps({
      previous: [a1],
      next: [{ ...a1, config: { x: 1 } }, b1],
      holds: {},
      deferred: new Set(['acme.a', 'acme.b']),
      locationKey: 'k',
    });
    expect(d).toEqual({ holds: {}, swapNow: [], pending: [] });
  });
});

describe('renderedModules', () => {
  it('shows the held release only at the location it was held at', () => {
    const holds = { 'acme.a': { module: a1, locationKey: 'k1' } };
    expect(renderedModules([a2, b1], holds, 'k1')).toEqual([a1, b1]);
    const modules = [a2, b1];
    expect(renderedModules(modules, holds, 'k2')).toBe(modules);
    expect(renderedModules(modules, {}, 'k1')).toBe(modules);
  });
});

describe('releaseHold', () => {
  it('removes one hold and keeps the object when there was none', () => {
    const holds = { 'acme.a': { module: a1, locationKey: 'k' }, 'acme.b': { module: b1, locationKey: 'k' } };
    expect(Object.keys(releaseHold(holds, 'acme.a'))).toEqual(['acme.b']);
    expect(releaseHold(holds, 'acme.c')).toBe(holds);
  });
});
