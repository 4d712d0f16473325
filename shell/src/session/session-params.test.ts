import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS_KEY,
  chooseTenant,
  chooseUser,
  type KeyValueStorage,
  TENANT_KEY,
  USER_KEY,
} from './session-params.ts';

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('chooseTenant', () => {
  it('takes ?tenant= and remembers it', () => {
    const s = memoryStorage({ [TENANT_KEY]: 'globex' });
    expect(chooseTenant('?tenant=acme', s)).toBe('acme');
    expect(s.data.get(TENANT_KEY)).toBe('acme');
  });
  it('falls back to the remembered tenant, then null', () => {
    expect(chooseTenant('', memoryStorage({ [TENANT_KEY]: 'globex' }))).toBe('globex');
    expect(chooseTenant('?tenant=', memoryStorage())).toBeNull();
  });
});

describe('chooseUser', () => {
  const newId = () => '1234';
  it('takes ?user= and remembers it', () => {
    const s = memoryStorage();
    expect(chooseUser('?user=alice', s, newId)).toEqual({ id: 'alice', anonymous: false });
    expect(s.data.get(USER_KEY)).toBe('alice');
    expect(chooseUser('', s, newId)).toEqual({ id: 'alice', anonymous: false });
  });
  it('creates a stable anonymous id once', () => {
    const s = memoryStorage();
    expect(chooseUser('', s, newId)).toEqual({ id: 'anon-1234', anonymous: true });
    expect(chooseUser('', s, () => 'other')).toEqual({ id: 'anon-1234', anonymous: true });
    expect(s.data.get(ANONYMOUS_KEY)).toBe('anon-1234');
  });
});
