// Declarative registration: every module manifest in manifests/modules is published, and every
// tenant manifest in manifests/tenants is applied once per content change (so an admin's later
// changes through the API are not overwritten by a restart).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { findForbiddenKey, tenantManifestSchema } from '@plugboard/shared';
import { parse } from 'yaml';
import { PlugboardError } from '../errors.ts';
import type { Services } from '../services.ts';
import { readArtifactDir } from './read-artifact-dir.ts';

const MAX_MANIFEST_BYTES = 1024 * 1024;

export type LoadReport = { published: string[]; unchanged: string[]; tenants: string[]; errors: string[] };

function readManifestFile(file: string): { raw: unknown; text: string } {
  if (statSync(file).size > MAX_MANIFEST_BYTES) throw new Error(`larger than ${MAX_MANIFEST_BYTES} bytes`);
  const text = readFileSync(file, 'utf8');
  const raw = file.endsWith('.json')
    ? JSON.parse(text)
    : parse(text, { maxAliasCount: 50, uniqueKeys: true });
  return { raw, text };
}

const manifestFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
        .map((f) => join(dir, f))
    : [];

const describe = (err: unknown) =>
  err instanceof PlugboardError
    ? `${err.message}${err.issues && err.issues.length > 1 ? `\n    ${err.issues.map((i) => `${i.path}: ${i.message}`).join('\n    ')}` : ''}`
    : (err as Error).message;

export async function loadManifests(services: Services, root: string): Promise<LoadReport> {
  const report: LoadReport = { published: [], unchanged: [], tenants: [], errors: [] };
  const rel = (f: string) => relative(root, f);

  for (const file of manifestFiles(join(root, 'modules'))) {
    try {
      const { raw } = readManifestFile(file);
      const remote = (raw as { remote?: { artifact?: unknown } } | null)?.remote;
      const files =
        typeof remote?.artifact === 'string'
          ? readArtifactDir(resolve(dirname(file), remote.artifact))
          : undefined;
      const result = await services.releases.publish({
        manifest: raw,
        ...(files ? { files } : {}),
        actor: `manifests:${rel(file)}`,
      });
      const label = `${result.release.moduleId}@${result.release.version}`;
      (result.created ? report.published : report.unchanged).push(label);
    } catch (err) {
      report.errors.push(`${rel(file)}: ${describe(err)}`);
    }
  }

  for (const file of manifestFiles(join(root, 'tenants'))) {
    try {
      const { raw, text } = readManifestFile(file);
      const hash = createHash('sha256').update(text).digest('hex');
      const source = `tenants/${relative(join(root, 'tenants'), file)}`;
      if ((await services.uow.stores.manifestSources.getHash(source)) === hash) continue;
      const bad = findForbiddenKey(raw);
      if (bad) throw new Error(`${bad.join('.')}: the key "${String(bad.at(-1))}" is not allowed`);
      const parsed = tenantManifestSchema.safeParse(raw);
      if (!parsed.success) {
        throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      }
      await applyTenantManifest(services, parsed.data, source, hash);
      report.tenants.push(parsed.data.id);
    } catch (err) {
      report.errors.push(`${rel(file)}: ${describe(err)}`);
    }
  }
  return report;
}

async function applyTenantManifest(
  services: Services,
  m: ReturnType<typeof tenantManifestSchema.parse>,
  source: string,
  hash: string,
): Promise<void> {
  const actor = `manifests:${source}`;
  await services.uow.transaction(async (s) => {
    const before = await s.tenants.get(m.id);
    const fields = { name: m.name, theme: m.theme, access: m.access };
    if (before) await s.tenants.update(m.id, fields);
    else await s.tenants.insert({ id: m.id, ...fields });
    await s.audit.record({
      actor,
      action: before ? 'tenant.update' : 'tenant.create',
      tenantId: m.id,
      before: before ? { name: before.name, theme: before.theme, access: before.access } : null,
      after: fields,
    });
    // Dependencies first: install modules in an order where each one's requirements are present.
    const pending = [...m.installations];
    while (pending.length > 0) {
      let progressed = false;
      let lastError: unknown = null;
      for (const inst of [...pending]) {
        try {
          await services.installations.putIn(s, m.id, inst.module, inst, actor);
          pending.splice(pending.indexOf(inst), 1);
          progressed = true;
        } catch (err) {
          if (!(err instanceof PlugboardError && err.code === 'INCOMPATIBLE')) throw err;
          lastError = err;
        }
      }
      if (!progressed) throw lastError;
    }
    await s.manifestSources.setHash(source, hash);
  });
  await services.cache.listener.tenantChanged(m.id);
}
