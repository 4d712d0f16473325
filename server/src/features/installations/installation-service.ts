// Installing, upgrading, configuring and removing modules for a tenant. Compatibility with what
// the tenant already has is checked inside the same transaction that writes, so two concurrent
// installs cannot both pass a check that only one of them may pass.
import {
  type CompatibilityProblem,
  checkInstall,
  checkRemoval,
  type Installation,
  type PutInstallationBody,
  SHELL_ENVIRONMENT,
  validateConfig,
} from '@plugboard/shared';
import type { Stores, UnitOfWork } from '../../db/unit-of-work.ts';
import { notFound, PlugboardError } from '../../errors.ts';
import type { ChangeListener } from '../resolve/change-listener.ts';
import { assertServable, type EntryFetcher } from '../rollouts/release-gate.ts';
import { recordSnapshot } from '../snapshots/record-snapshot.ts';
import { enabledManifests, manifestsOf } from './served-manifests.ts';

const incompatible = (what: string, problems: CompatibilityProblem[]) =>
  new PlugboardError(409, 'INCOMPATIBLE', `${what}: ${problems.map((p) => p.message).join('; ')}`, {
    issues: problems.map((p) => ({ path: p.field, message: `${p.module}: ${p.message}` })),
  });

export type InstallationOptions = { fetcher?: EntryFetcher };

export function createInstallationService(
  uow: UnitOfWork,
  changes: ChangeListener,
  options: InstallationOptions = {},
) {
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
    /** Set when the caller already verified the remote entry outside the transaction. */
    entryVerified = false,
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
    const list = await s.installations.list(tenantId);
    const others = await manifestsOf(s, list, moduleId);
    if (body.enabled) {
      const problems = checkInstall(release.manifest, others, SHELL_ENVIRONMENT);
      if (problems.length > 0)
        throw incompatible(`${moduleId}@${body.version} cannot be installed`, problems);
    } else {
      const problems = checkRemoval(moduleId, others);
      if (problems.length > 0) throw incompatible(`${moduleId} cannot be disabled`, problems);
    }
    const before = list.find((i) => i.moduleId === moduleId) ?? null;
    const servesNewRelease = body.enabled && (!before?.enabled || before.version !== body.version);
    if (servesNewRelease && !entryVerified) {
      await assertServable(s, tenantId, release, { checkCompatibility: false, ...options });
    }
    const rolling = before?.candidateVersion ?? null;
    if (rolling && before?.version !== body.version) {
      throw new PlugboardError(
        409,
        'ROLLOUT_ACTIVE',
        `${moduleId} is being rolled out to ${rolling} for "${tenantId}": promote or abort that rollout before setting another version`,
        { field: 'version' },
      );
    }
    if (rolling) {
      const candidate = await s.modules.getRelease(moduleId, rolling);
      const forCandidate = candidate
        ? validateConfig(candidate.manifest.config, body.config)
        : { ok: true as const };
      if (!forCandidate.ok) {
        throw new PlugboardError(400, 'INVALID_CONFIG', `config: not valid for the candidate ${rolling}`, {
          issues: forCandidate.issues.map((i) => ({ path: `config.${i.path}`, message: i.message })),
        });
      }
    }
    const next = {
      tenantId,
      moduleId,
      version: body.version,
      enabled: body.enabled,
      config: body.config,
      candidateVersion: rolling,
      percentage: before?.percentage ?? 0,
      groupId: before?.groupId ?? null,
    };
    const changed =
      !before ||
      before.version !== next.version ||
      before.enabled !== next.enabled ||
      JSON.stringify(before.config) !== JSON.stringify(next.config);
    if (!changed) return { installation: before, changed };
    const installation = await s.installations.upsert(next);
    await s.tenants.bumpRevision(tenantId);
    const action = before ? 'installation.update' : 'installation.create';
    await s.audit.record({ actor, action, tenantId, moduleId, before, after: next });
    const served = [...list.filter((i) => i.moduleId !== moduleId), installation].sort((a, b) =>
      a.moduleId < b.moduleId ? -1 : 1,
    );
    await recordSnapshot(s, tenantId, actor, `${action} ${moduleId}@${body.version}`, served);
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
      // Fetching a remote entry hosted elsewhere can take seconds: do it before locking anything,
      // and only when this change starts serving that release (not for configuration alone).
      // Entries stored here are checked inside the transaction: that is one read.
      const release = await uow.stores.modules.getRelease(moduleId, body.version);
      let verified = false;
      if (release && body.enabled && /^https?:\/\//.test(release.entryUrl)) {
        const current = await uow.stores.installations.get(tenantId, moduleId);
        if (!current?.enabled || current.version !== body.version) {
          await assertServable(uow.stores, tenantId, release, { checkCompatibility: false, ...options });
          verified = true;
        }
      }
      const result = await uow.transaction((s) => putIn(s, tenantId, moduleId, body, actor, verified));
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
        const rollout = await s.rollouts.activeForUpdate(tenantId, moduleId);
        if (rollout) {
          await s.rollouts.update(rollout.id, {
            status: 'aborted',
            finishedAt: new Date().toISOString(),
            reason: 'uninstalled',
          });
          await s.rollouts.addEvent({
            rolloutId: rollout.id,
            actor,
            action: 'abort',
            percentage: 0,
            detail: { reason: 'uninstalled' },
          });
        }
        await s.installations.remove(tenantId, moduleId);
        await s.tenants.bumpRevision(tenantId);
        await s.audit.record({ actor, action: 'installation.delete', tenantId, moduleId, before });
        await recordSnapshot(s, tenantId, actor, `installation.delete ${moduleId}`);
      });
      await changes.tenantChanged(tenantId);
    },
  };
}
export type InstallationService = ReturnType<typeof createInstallationService>;
