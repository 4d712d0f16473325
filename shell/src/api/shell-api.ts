// The few server calls the shell makes (same origin, relative URLs).
import type { ResolvedManifest, Theme } from '@plugboard/shared';

export type TenantSummary = { id: string; name: string; theme: Theme };

export type ManifestResult =
  | { status: 'ok'; manifest: ResolvedManifest; etag: string | null }
  | { status: 'not-modified' }
  | { status: 'not-found'; message: string };

async function errorText(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

export async function fetchTenants(signal?: AbortSignal): Promise<TenantSummary[]> {
  const response = await fetch('/v1/tenants', { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Could not list tenants: ${await errorText(response)}`);
  const body = (await response.json()) as { tenants?: TenantSummary[] };
  return body.tenants ?? [];
}

export async function fetchManifest(
  tenant: string,
  user: string,
  etag: string | null,
  signal?: AbortSignal,
): Promise<ManifestResult> {
  const url = `/v1/tenants/${encodeURIComponent(tenant)}/manifest?user=${encodeURIComponent(user)}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (etag) headers['if-none-match'] = etag;
  const response = await fetch(url, { signal, headers, cache: 'no-cache' });
  if (response.status === 304) return { status: 'not-modified' };
  if (response.status === 404) return { status: 'not-found', message: await errorText(response) };
  if (!response.ok)
    throw new Error(`Could not load the modules of "${tenant}": ${await errorText(response)}`);
  const manifest = (await response.json()) as ResolvedManifest;
  if (manifest?.schema !== 1 || !Array.isArray(manifest.modules)) {
    throw new Error('The server answered with a manifest this shell does not understand');
  }
  return { status: 'ok', manifest, etag: response.headers.get('etag') };
}
