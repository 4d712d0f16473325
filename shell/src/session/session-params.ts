// Picks the tenant and user for this page from the URL and what the browser remembered.
// DOM-free: storage is passed in, so this runs in unit tests.

export const TENANT_KEY = 'plugboard.tenant';
export const USER_KEY = 'plugboard.user';
export const ANONYMOUS_KEY = 'plugboard.anonymousId';

export type KeyValueStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
};

export type ShellUser = { id: string; anonymous: boolean };

function param(search: string, name: string): string | null {
  const value = new URLSearchParams(search).get(name)?.trim();
  return value ? value : null;
}

/** `?tenant=` (remembered), else the remembered tenant, else null (show the picker). */
export function chooseTenant(search: string, storage: KeyValueStorage): string | null {
  const fromQuery = param(search, 'tenant');
  if (fromQuery) {
    storage.setItem(TENANT_KEY, fromQuery);
    return fromQuery;
  }
  return storage.getItem(TENANT_KEY) || null;
}

/** The stable anonymous id of this browser, created on first use. */
export function anonymousUser(storage: KeyValueStorage, newId: () => string): ShellUser {
  let id = storage.getItem(ANONYMOUS_KEY);
  if (!id?.startsWith('anon-')) {
    id = `anon-${newId()}`;
    storage.setItem(ANONYMOUS_KEY, id);
  }
  return { id, anonymous: true };
}

/** `?user=` (remembered), else the remembered user, else a stable anonymous id. */
export function chooseUser(search: string, storage: KeyValueStorage, newId: () => string): ShellUser {
  const fromQuery = param(search, 'user');
  if (fromQuery) {
    storage.setItem(USER_KEY, fromQuery);
    return { id: fromQuery, anonymous: fromQuery.startsWith('anon-') };
  }
  const remembered = storage.getItem(USER_KEY);
  if (remembered) return { id: remembered, anonymous: remembered.startsWith('anon-') };
  return anonymousUser(storage, newId);
}
