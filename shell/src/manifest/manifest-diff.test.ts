import { describe, expect, it } from 'vitest';
import { fakeModule, fakeManifest as manifest } from '../test-fixtures.ts';
import { reconcileManifest } from './manifest-diff.ts';

describe('reconcileManifest', () => {
  it('reports everything as added on first load', () => {
    const { diff } = reconcileManifest(null, manifest([fakeModule('a.one')]));
    expect(diff.added).toEqual(['a.one']);
  });

  it('keeps unchanged modules by identity and reports the rest', () => {
    const prev = manifest([fakeModule('a.one'), fakeModule('a.two'), fakeModule('a.gone')]);
    const next = manifest([fakeModule('a.one'), fakeModule('a.two', '2.0.0'), fakeModule('a.new')], 2);
    const { manifest: applied, diff } = reconcileManifest(prev, next);
    expect(applied.modules[0]).toBe(prev.modules[0]);
    expect(applied.modules[1]).toBe(next.modules[1]);
    expect(applied.revision).toBe(2);
    expect(diff).toEqual({
      added: ['a.new'],
      removed: [prev.modules[2]],
      changed: ['a.two'],
      unchanged: ['a.one'],
    });
  });

  it('treats a configuration change as a change', () => {
    const prev = manifest([fakeModule('a.one')]);
    const next = manifest([fakeModule('a.one', '1.0.0', { config: { pageSize: 5 } })]);
    expect(reconcileManifest(prev, next).diff.changed).toEqual(['a.one']);
  });

  it('keeps the module list itself when nothing changed', () => {
    const prev = manifest([fakeModule('a.one')]);
    const { manifest: applied } = reconcileManifest(prev, manifest([fakeModule('a.one')], 3));
    expect(applied.modules).toBe(prev.modules);
    expect(applied.tenant).toBe(prev.tenant);
    expect(applied.revision).toBe(3);
  });
});
