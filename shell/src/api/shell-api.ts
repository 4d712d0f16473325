// The few server calls the shell makes (same origin, relative URLs).
import type { ResolvedManifest, Theme } from '@plugboard/shared';

export type TenantSummary = { id: string; name: string; theme: Theme };

/** The server could not be reached, or answered 5xx: worth retrying, and worth working offline. */
export class ServerUnreachable extends Error {
  override readonly name = 'ServerUnreachable';
}

/** How long a manifest request may take before the server counts as unreachable. */
export const MANIFEST_TIMEOUT_MS = 4_000;

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

function errorName(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
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
  const timeout = AbortSignal.timeout(MANIFEST_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers,
      cache: 'no-cache',
    });
  } catch (error) {
    // The caller's abort stays an abort; a network failure or our time limit means unreachable.
    if (signal?.aborted) throw error;
    throw new ServerUnreachable(`The server could not be reached (${errorName(error)})`, { cause: error });
  }
  if (response.status === 304) return { status: 'not-modified' };
  if (response.status === 404) return { status: 'not-found', message: await errorText(response) };
  if (response.status >= 500)
    throw new ServerUnreachable(`The server failed to answer: ${await errorText(response)}`);
  if (!response.ok)
    throw new Error(`Could not load the modules of "${tenant}": ${await errorText(response)}`);
  const manifest = (await response.json()) as ResolvedManifest;
  if (manifest?.schema !== 1 || !Array.isArray(manifest.modules)) {
    throw new Error('The server answered with a manifest this shell does not understand');
  }
  return { status: 'ok', manifest, etag: response.headers.get('etag') };
}
