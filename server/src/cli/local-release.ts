// Checks a manifest and its built folder on this machine, with the server's own rules (schema,
// artifact reading, bundle limits, entry file, integrity), and collects every problem found.
import { dirname, resolve } from 'node:path';
import type { ModuleManifest } from '@plugboard/shared';
import { PlugboardError } from '../errors.ts';
import { buildBundle, sriSha384 } from '../features/artifacts/bundle.ts';
import { parseManifest } from '../features/modules/release-service.ts';
import { ArtifactDirError, readArtifactDir } from '../manifests/read-artifact-dir.ts';
import { type Problem, readManifestFile } from './manifest-file.ts';

export type ArtifactFile = { path: string; content: Uint8Array };

export type LocalRelease = {
  raw: Record<string, unknown>;
  manifest: ModuleManifest;
  /** The build folder and its files; absent for a remote hosted elsewhere (remote.entry). */
  artifact?: { dir: string; files: ArtifactFile[]; totalBytes: number; entryFile: string };
};

export type LocalCheck = { ok: true; release: LocalRelease } | { ok: false; problems: Problem[] };

const problemsOf = (err: unknown): Problem[] => {
  if (err instanceof PlugboardError) {
    return err.issues?.length ? err.issues : [{ path: err.field ?? '', message: err.message }];
  }
  throw err;
};

type LooseRemote = { artifact?: unknown; entry?: unknown; entryFile?: unknown; integrity?: unknown };

function checkArtifact(
  remote: LooseRemote,
  dir: string,
  problems: Problem[],
): LocalRelease['artifact'] | undefined {
  const where = 'remote.artifact';
  let files: ArtifactFile[];
  try {
    files = readArtifactDir(dir);
  } catch (err) {
    if (!(err instanceof ArtifactDirError)) throw err;
    problems.push({ path: where, message: err.message });
    return undefined;
  }
  let totalBytes = 0;
  try {
    totalBytes = buildBundle(files).totalSize;
  } catch (err) {
    for (const p of problemsOf(err)) problems.push({ path: where, message: p.message });
    return undefined;
  }
  const entryFile = typeof remote.entryFile === 'string' ? remote.entryFile : 'remoteEntry.js';
  const entry = files.find((f) => f.path === entryFile);
  if (!entry) {
    problems.push({
      path: 'remote.entryFile',
      message: `"${entryFile}" is not in ${dir}; build the remote first, or set remote.entryFile`,
    });
  } else if (typeof remote.integrity === 'string' && remote.integrity !== sriSha384(entry.content)) {
    problems.push({
      path: 'remote.integrity',
      message: `does not match ${entryFile} (it hashes to ${sriSha384(entry.content)}); remove it or update it`,
    });
  }
  return { dir, files, totalBytes, entryFile };
}

/** `dist` (already resolved) overrides remote.artifact, which is relative to the manifest file. */
export function checkLocalRelease(file: string, options: { dist?: string } = {}): LocalCheck {
  const read = readManifestFile(file);
  if (!read.ok) return read;
  if (read.raw === null || typeof read.raw !== 'object' || Array.isArray(read.raw)) {
    return { ok: false, problems: [{ path: '(root)', message: 'the manifest must be a mapping of fields' }] };
  }
  const raw = read.raw as Record<string, unknown>;
  const problems: Problem[] = [];
  let manifest: ModuleManifest | undefined;
  try {
    manifest = parseManifest(raw, []);
  } catch (err) {
    problems.push(...problemsOf(err));
  }

  const remote = (raw.remote && typeof raw.remote === 'object' ? raw.remote : {}) as LooseRemote;
  const dir =
    options.dist ??
    (typeof remote.artifact === 'string' ? resolve(dirname(file), remote.artifact) : undefined);
  let artifact: LocalRelease['artifact'];
  if (dir && remote.entry !== undefined) {
    problems.push({
      path: 'remote.entry',
      message: 'the remote is hosted elsewhere (remote.entry), so no build folder is uploaded; drop --dist',
    });
  } else if (dir) {
    artifact = checkArtifact(remote, dir, problems);
  } else if (remote.entry === undefined) {
    problems.push({
      path: 'remote.artifact',
      message:
        'give remote.artifact (the build folder, relative to the manifest) or pass --dist; or remote.entry with its integrity',
    });
  }
  if (problems.length > 0 || !manifest) return { ok: false, problems };
  return { ok: true, release: { raw, manifest, ...(artifact ? { artifact } : {}) } };
}
