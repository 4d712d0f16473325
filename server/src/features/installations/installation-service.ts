// Installing, upgrading, configuring and removing modules for a tenant. Compatibility with what
// the tenant already has is checked inside the same transaction that writes, so two concurrent
// installs cannot both pass a check that only one of them may pass.
import {
  type CompatibilityProblem,
  checkInstall,
  checkRemoval,
  type Installation,
  type ModuleManifest,
  type PutInstallationBody,
  SHELL_ENVIRONMENT,
  validateConfig,
} from '@plugboard/shared';
import type { Stores, UnitOfWork } from '../../db/unit-of-work.ts';
import { notFound, PlugboardError } from '../../errors.ts';
import type { ChangeListener } from '../resolve/change-listener.ts';

const incompatible = (what: string, problems: CompatibilityProblem[]) =>
  new PlugboardError(409, 'INCOMPATIBLE', `${what}: ${problems.map((p) => p.message).join('; ')}`, {
    issues: problems.map((p) => ({ path: p.field, message: `${p.module}: ${p.message}` })),
  });

async function enabledManifests(s: Stores, tenantId: string, except: string): Promise<ModuleManifest[]> {
  const list = await s.installations.list(tenantId);
  const manifests: ModuleManifest[] = [];
  for (const i of list) {
    if (!i.enabled || i.moduleId === except) continue;
    const release = await s.modules.getRelease(i.moduleId, i.version);
    if (release) manifests.push(release.manifest);
  }
  return manifests;
}

export function createInstallationService(uow: UnitOfWork, changes: ChangeListener) {
  async function lockTenant(s: Stores, tenantId: string) {
    const tenant = await s.tenants.getForUpdate(tenantId);
    if (!tenant) throw notFound('TENANT_NOT_FOUND', `No tenant "${tenantId}"`);
    return tenant;
  }

  /** Applies one installation inside an open transaction; used by the API and the manifest loader. */
  async function putIn(
    s: Stores,
    tenantId: string,
    moduleId: string,
    body: PutInstallationBody,
    actor: string,
  ): Promise<{ installation: Installation; changed: boolean }> {
    await lockTenant(s, tenantId);
    const release = await s.modules.getRelease(moduleId, body.version);
    if (!release) {
      const known = await s.modules.getModule(moduleId);
      throw new PlugboardError(
        404,
        known ? 'RELEASE_NOT_FOUND' : 'MODULE_NOT_FOUND',
        known ? `No release ${body.version} of module "${moduleId}"` : `No module "${moduleId}"`,
        { field: known ? 'version' : 'moduleId' },
      );
    }
    const config = validateConfig(release.manifest.config, body.config);
    if (!config.ok) {
      const first = config.issues[0];
      throw new PlugboardError(400, 'INVALID_CONFIG', `config.${first?.path}: ${first?.message}`, {
        issues: config.issues.map((i) => ({ path: `config.${i.path}`, message: i.message })),
      });
    }
    const others = await enabledManifests(s, tenantId, moduleId);
    if (body.enabled) {
      const problems = checkInstall(release.manifest, others, SHELL_ENVIRONMENT);
      if (problems.length > 0)
        throw incompatible(`${moduleId}@${body.version} cannot be installed`, problems);
    } else {
      const problems = checkRemoval(moduleId, others);
      if (problems.length > 0) throw incompatible(`${moduleId} cannot be disabled`, problems);
    }
    const before = await s.installations.get(tenantId, moduleId);
    const next = { tenantId, moduleId, version: body.version, enabled: body.enabled, config: body.config };
    const changed =
      !before ||
      before.version !== next.version ||
      before.enabled !== next.enabled ||
      JSON.stringify(before.config) !== JSON.stringify(next.config);
    if (changed) {
      await s.installations.upsert(next);
      await s.tenants.bumpRevision(tenantId);
      await s.audit.record({
        actor,
        action: before ? 'installation.update' : 'installation.create',
        tenantId,
        moduleId,
        before,
        after: next,
      });
    }
    const installation = await s.installations.get(tenantId, moduleId);
    if (!installation) throw new Error('installation vanished inside its own transaction');
    return { installation, changed };
  }

  return {
    putIn,

    async list(tenantId: string): Promise<Installation[]> {
      if (!(await uow.stores.tenants.get(tenantId)))
        throw notFound('TENANT_NOT_FOUND', `No tenant "${tenantId}"`);
      return uow.stores.installations.list(tenantId);
    },

    async get(tenantId: string, moduleId: string): Promise<Installation> {
      const i = await uow.stores.installations.get(tenantId, moduleId);
      if (!i)
        throw notFound('INSTALLATION_NOT_FOUND', `Module "${moduleId}" is not installed for "${tenantId}"`);
      return i;
    },

    async put(tenantId: string, moduleId: string, body: PutInstallationBody, actor: string) {
      const result = await uow.transaction((s) => putIn(s, tenantId, moduleId, body, actor));
      if (result.changed) await changes.tenantChanged(tenantId);
      return result;
    },

    async remove(tenantId: string, moduleId: string, actor: string): Promise<void> {
      await uow.transaction(async (s) => {
        await lockTenant(s, tenantId);
        const before = await s.installations.get(tenantId, moduleId);
        if (!before) {
          throw notFound('INSTALLATION_NOT_FOUND', `Module "${moduleId}" is not installed for "${tenantId}"`);
        }
        const problems = checkRemoval(moduleId, await enabledManifests(s, tenantId, moduleId));
        if (problems.length > 0) throw incompatible(`${moduleId} cannot be removed`, problems);
        await s.installations.remove(tenantId, moduleId);
        await s.tenants.bumpRevision(tenantId);
        await s.audit.record({ actor, action: 'installation.delete', tenantId, moduleId, before });
      });
      await changes.tenantChanged(tenantId);
    },
  };
}
export type InstallationService = ReturnType<typeof createInstallationService>;
