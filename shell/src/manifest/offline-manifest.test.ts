import { describe, expect, it } from 'vitest';
import type { KeyValueStorage } from '../session/session-params.ts';
import { fakeManifest, fakeModule } from '../test-fixtures.ts';
import { offlineManifestKey, storedManifest, storeManifest } from './offline-manifest.ts';

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('offline manifest storage', () => {
  it('keeps the manifest as JSON per tenant and user', () => {
    const storage = memoryStorage();
    const manifest = fakeManifest([fakeModule('acme.one')], 12);
    expect(storeManifest(storage, 'acme', 'alice', manifest)).toBe(true);
    expect([...storage.map.keys()]).toEqual(['plugboard.manifest.acme.alice']);
    expect(JSON.parse(storage.map.get(offlineManifestKey('acme', 'alice')) ?? '')).toEqual(manifest);
    expect(storedManifest(storage, 'acme', 'alice')).toEqual(manifest);
    expect(storedManifest(storage, 'acme', 'bob')).toBeNull();
  });

  it('ignores garbage, other shapes and another tenant’s manifest', () => {
    const storage = memoryStorage();
    storage.setItem(offlineManifestKey('acme', 'a'), '{not json');
    storage.setItem(offlineManifestKey('acme', 'b'), JSON.stringify({ schema: 2, modules: [] }));
    storage.setItem(offlineManifestKey('globex', 'c'), JSON.stringify(fakeManifest([])));
    storage.setItem(offlineManifestKey('acme', 'd'), 'null');
    for (const [tenant, user] of [
      ['acme', 'a'],
      ['acme', 'b'],
      ['globex', 'c'],
      ['acme', 'd'],
    ] as const) {
      expect(storedManifest(storage, tenant, user)).toBeNull();
    }
  });

  it('never throws when the storage does', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    expect(storeManifest(broken, 'acme', 'a', fakeManifest([]))).toBe(false);
    expect(storedManifest(broken, 'acme', 'a')).toBeNull();
  });
});
