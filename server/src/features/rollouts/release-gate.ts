// The validation gate: a release reaches no user of a tenant until its manifest is valid, its
// dependencies, conflicts and shell/shared ranges hold for that tenant, and its remote entry can
// be fetched and matches the declared integrity. Any failure refuses the change (fail closed).
import { createHash } from 'node:crypto';
import { checkInstall, type ErrorIssue, moduleManifestSchema, SHELL_ENVIRONMENT } from '@plugboard/shared';
import type { Stores } from '../../db/unit-of-work.ts';
import { PlugboardError } from '../../errors.ts';
import { enabledManifests } from '../installations/served-manifests.ts';
import type { ReleaseRow } from '../modules/module-store.ts';

export type EntryFetcher = (url: string) => Promise<Uint8Array>;

const MAX_ENTRY_BYTES = 5 * 1024 * 1024;

/** Fetches a remote entry hosted elsewhere, bounded in time and size. */
export const fetchEntry: EntryFetcher = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'error' });
  if (!res.ok) throw new Error(`answered ${res.status}`);
  const body = new Uint8Array(await res.arrayBuffer());
  if (body.byteLength > MAX_ENTRY_BYTES) throw new Error(`is larger than ${MAX_ENTRY_BYTES} bytes`);
  return body;
};

function sri(integrity: string, content: Uint8Array): string {
  const algorithm = integrity.slice(0, integrity.indexOf('-'));
  return `${algorithm}-${createHash(algorithm).update(content).digest('base64')}`;
}

async function entryProblem(s: Stores, release: ReleaseRow, fetcher: EntryFetcher): Promise<string | null> {
  if (!release.integrity) return 'the remote entry has no integrity hash, so it cannot be verified';
  let content: Uint8Array;
  const local = /^\/artifacts\/([0-9a-f]{64})\/(.+)$/.exec(release.entryUrl);
  if (local?.[1] && local[2]) {
    const file = await s.artifacts.getFile(local[1], local[2]);
    if (!file) return `the remote entry ${release.entryUrl} is not stored on this server`;
    content = file.content;
  } else if (/^https?:\/\//.test(release.entryUrl)) {
    try {
      content = await fetcher(release.entryUrl);
    } catch (err) {
      return `the remote entry ${release.entryUrl} could not be fetched: ${(err as Error).message}`;
    }
  } else {
    return `the remote entry ${release.entryUrl} is neither an artifact of this server nor an http(s) URL`;
  }
  const actual = sri(release.integrity, content);
  return actual === release.integrity
    ? null
    : `the remote entry does not match its integrity (declared ${release.integrity}, fetched ${actual})`;
}

export type GateOptions = { fetcher?: EntryFetcher; checkCompatibility?: boolean };

/** Every reason this release may not be served to this tenant; empty when it may. */
export async function releaseProblems(
  s: Stores,
  tenantId: string,
  release: ReleaseRow,
  options: GateOptions = {},
): Promise<ErrorIssue[]> {
  const issues: ErrorIssue[] = [];
  const parsed = moduleManifestSchema.safeParse(release.manifest);
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      issues.push({ path: `manifest.${i.path.join('.')}`, message: i.message });
    return issues;
  }
  if (options.checkCompatibility !== false) {
    const others = await enabledManifests(s, tenantId, release.moduleId);
    for (const p of checkInstall(parsed.data, others, SHELL_ENVIRONMENT)) {
      issues.push({ path: p.field, message: `${p.module}: ${p.message}` });
    }
  }
  const entry = await entryProblem(s, release, options.fetcher ?? fetchEntry);
  if (entry) issues.push({ path: 'remote.entry', message: entry });
  return issues;
}

export async function assertServable(
  s: Stores,
  tenantId: string,
  release: ReleaseRow,
  options?: GateOptions,
) {
  const issues = await releaseProblems(s, tenantId, release, options);
  if (issues.length > 0) {
    throw new PlugboardError(
      409,
      'RELEASE_NOT_SERVABLE',
      `${release.moduleId}@${release.version} cannot be served to "${tenantId}": ${issues.map((i) => i.message).join('; ')}`,
      { issues },
    );
  }
}
