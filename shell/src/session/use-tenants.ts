// The public tenant list (for the picker and the header's switcher), fetched once per page.
import { useEffect, useState } from 'react';
import { fetchTenants, type TenantSummary } from '../api/shell-api.ts';
import { errorMessage } from '../modules/module-failure.ts';

export type TenantsState = { tenants: TenantSummary[] | null; error: string | null };

let shared: Promise<TenantSummary[]> | null = null;

function loadOnce(): Promise<TenantSummary[]> {
  shared ??= fetchTenants().catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}

export function useTenants(): TenantsState {
  const [state, setState] = useState<TenantsState>({ tenants: null, error: null });
  useEffect(() => {
    let live = true;
    loadOnce().then(
      (tenants) => live && setState({ tenants, error: null }),
      (error: unknown) => live && setState({ tenants: null, error: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
