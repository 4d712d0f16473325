// Publishing releases: validate the manifest, store the built files content-addressed, and
// record an immutable release. The same version with other content is refused.
import {
  checkSchemaDefaults,
  findForbiddenKey,
  type ModuleManifest,
  moduleManifestSchema,
} from '@plugboard/shared';
import type { UnitOfWork } from '../../db/unit-of-work.ts';
import { invalid, isUniqueViolation, notFound, PlugboardError } from '../../errors.ts';
import { buildBundle, sha256Hex, sriSha384 } from '../artifacts/bundle.ts';
import type { ReleaseRow } from './module-store.ts';

export type PublishInput = {
  manifest: unknown;
  files?: { path: string; content: Uint8Array }[];
  actor: string;
  /** When set, the manifest must be for this module id (from the URL). */
  moduleId?: string;
};

export type PublishResult = { created: boolean; release: ReleaseRow };

export function parseManifest(raw: unknown, prefix: (string | number)[] = ['manifest']): ModuleManifest {
  const bad = findForbiddenKey(raw);
  if (bad) {
    const field = [...prefix, ...bad].join('.');
    throw new PlugboardError(
      400,
      'FORBIDDEN_KEY',
      `${field}: the key "${String(bad.at(-1))}" is not allowed`,
      {
        field,
      },
    );
  }
  const parsed = moduleManifestSchema.safeParse(raw);
  if (!parsed.success) throw invalid('manifest', parsed.error, prefix);
  const defaults = checkSchemaDefaults(parsed.data.config);
  if (defaults.length > 0) {
    throw new PlugboardError(
      400,
      'VALIDATION_FAILED',
      `Invalid manifest: config default ${defaults[0]?.message}`,
      {
        issues: defaults.map((i) => ({ path: [...prefix, 'config', i.path].join('.'), message: i.message })),
      },
    );
  }
  return parsed.data;
}

/** Stable JSON: object keys sorted, so equal manifests hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function createReleaseService(uow: UnitOfWork, options: { artifactBase: string }) {
  return {
    async publish(input: PublishInput): Promise<PublishResult> {
      const manifest = parseManifest(input.manifest);
      if (input.moduleId && manifest.id !== input.moduleId) {
        throw new PlugboardError(
          400,
          'MODULE_ID_MISMATCH',
          `manifest.id is "${manifest.id}" but the URL names "${input.moduleId}"`,
          { field: 'manifest.id' },
        );
      }
      const files = input.files ?? [];
      const stored: ModuleManifest = { ...manifest, remote: { ...manifest.remote } };
      delete stored.remote.artifact;
      delete stored.$schema;
      let entryUrl: string;
      let integrity: string | null;
      let bundle: ReturnType<typeof buildBundle> | null = null;
      if (files.length > 0) {
        if (manifest.remote.entry) {
          throw new PlugboardError(
            400,
            'VALIDATION_FAILED',
            'manifest.remote.entry: give files or an entry URL, not both',
            {
              field: 'manifest.remote.entry',
            },
          );
        }
        bundle = buildBundle(files);
        const entry = bundle.files.find((f) => f.path === manifest.remote.entryFile);
        if (!entry) {
          throw new PlugboardError(
            400,
            'ENTRY_FILE_MISSING',
            `The artifact has no "${manifest.remote.entryFile}" (manifest.remote.entryFile); build the remote first`,
            { field: 'manifest.remote.entryFile' },
          );
        }
        integrity = sriSha384(entry.content);
        if (manifest.remote.integrity && manifest.remote.integrity !== integrity) {
          throw new PlugboardError(
            400,
            'INTEGRITY_MISMATCH',
            `manifest.remote.integrity does not match ${manifest.remote.entryFile} (it hashes to ${integrity})`,
            { field: 'manifest.remote.integrity' },
          );
        }
        entryUrl = `${options.artifactBase}/${bundle.hash}/${manifest.remote.entryFile}`;
        stored.remote.integrity = integrity;
      } else {
        if (!manifest.remote.entry) {
          throw new PlugboardError(
            400,
            'VALIDATION_FAILED',
            'manifest.remote: give the built files, or an entry URL with its integrity',
            { field: 'manifest.remote.entry' },
          );
        }
        entryUrl = manifest.remote.entry;
        integrity = manifest.remote.integrity ?? null;
      }
      const contentHash = sha256Hex(canonicalJson({ manifest: stored, bundle: bundle?.hash ?? null }));
      const row = {
        moduleId: manifest.id,
        version: manifest.version,
        manifest: stored,
        contentHash,
        bundleHash: bundle?.hash ?? null,
        entryUrl,
        integrity,
      };
      const compare = (existing: ReleaseRow): PublishResult => {
        if (existing.contentHash === contentHash) return { created: false, release: existing };
        throw new PlugboardError(
          409,
          'RELEASE_EXISTS',
          `${manifest.id}@${manifest.version} is already published with other content; releases are immutable, publish a new version`,
          { field: 'manifest.version' },
        );
      };
      try {
        return await uow.transaction(async (s) => {
          const existing = await s.modules.getRelease(manifest.id, manifest.version);
          if (existing) return compare(existing);
          await s.modules.ensureModule(manifest.id);
          if (bundle) await s.artifacts.putBundle(bundle.hash, bundle.files);
          const release = await s.modules.insertRelease(row);
          await s.audit.record({
            actor: input.actor,
            action: 'release.publish',
            moduleId: manifest.id,
            after: { version: manifest.version, contentHash, entryUrl, integrity },
          });
          return { created: true, release };
        });
      } catch (err) {
        // Two publications of one version at once: the second waits on the first's row and then
        // fails its insert. It is then a repeat (no-op) or a conflict, like any later one.
        if (!isUniqueViolation(err)) throw err;
        const existing = await uow.stores.modules.getRelease(manifest.id, manifest.version);
        if (!existing) throw err;
        return compare(existing);
      }
    },

    async getRelease(moduleId: string, version: string): Promise<ReleaseRow> {
      const release = await uow.stores.modules.getRelease(moduleId, version);
      if (!release) throw notFound('RELEASE_NOT_FOUND', `No release ${version} of module "${moduleId}"`);
      return release;
    },
  };
}
export type ReleaseService = ReturnType<typeof createReleaseService>;
