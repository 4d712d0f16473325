// Rollouts: moving an installation to a candidate release by a growing, sticky share of users.
// Every operation is one transaction (see rollout-transitions.ts) followed by a change event.
import { checkInstall, SHELL_ENVIRONMENT, type StartRolloutBody, validateConfig } from '@plugboard/shared';
import type { Stores, UnitOfWork } from '../../db/unit-of-work.ts';
import { notFound, PlugboardError } from '../../errors.ts';
import { enabledManifests } from '../installations/served-manifests.ts';
import type { ChangeListener } from '../resolve/change-listener.ts';
import { recordSnapshot } from '../snapshots/record-snapshot.ts';
import { assertServable, type EntryFetcher } from './release-gate.ts';
import { rolloutHealth } from './rollout-health.ts';
import type { RolloutRow } from './rollout-store.ts';
import { finish, setPercentage, setStatus } from './rollout-transitions.ts';

const noRollout = (tenantId: string, moduleId: string) =>
  new PlugboardError(409, 'NO_ACTIVE_ROLLOUT', `${moduleId} has no rollout in progress for "${tenantId}"`);

export function createRolloutService(
  uow: UnitOfWork,
  changes: ChangeListener,
  options: { fetcher?: EntryFetcher; now?: () => number } = {},
) {
  const now = options.now ?? Date.now;

  /** Runs `fn` on the locked active rollout, then announces the change. */
  async function withActive<T>(
    tenantId: string,
    moduleId: string,
    fn: (s: Stores, rollout: RolloutRow) => Promise<T>,
  ): Promise<T> {
    const result = await uow.transaction(async (s) => {
      if (!(await s.tenants.getForUpdate(tenantId)))
        throw notFound('TENANT_NOT_FOUND', `No tenant "${tenantId}"`);
      const rollout = await s.rollouts.activeForUpdate(tenantId, moduleId);
      if (!rollout) throw noRollout(tenantId, moduleId);
      return fn(s, rollout);
    });
    await changes.tenantChanged(tenantId, 'rollout');
    return result;
  }

  return {
    async start(
      tenantId: string,
      moduleId: string,
      body: StartRolloutBody,
      actor: string,
    ): Promise<RolloutRow> {
      const release = await uow.stores.modules.getRelease(moduleId, body.version);
      if (!release) {
        const known = await uow.stores.modules.getModule(moduleId);
        throw new PlugboardError(
          404,
          known ? 'RELEASE_NOT_FOUND' : 'MODULE_NOT_FOUND',
          known ? `No release ${body.version} of module "${moduleId}"` : `No module "${moduleId}"`,
          { field: known ? 'version' : 'moduleId' },
        );
      }
      if (!(await uow.stores.tenants.get(tenantId)))
        throw notFound('TENANT_NOT_FOUND', `No tenant "${tenantId}"`);
      // Reachability and integrity first, outside the transaction: fetching may take seconds.
      await assertServable(uow.stores, tenantId, release, {
        checkCompatibility: false,
        fetcher: options.fetcher,
      });
      const policy = release.manifest.activation;
      const steps = body.steps ?? (policy.strategy === 'instant' ? [100] : policy.steps);
      const created = await uow.transaction(async (s) => {
        await s.tenants.getForUpdate(tenantId);
        const active = await s.rollouts.activeForUpdate(tenantId, moduleId);
        if (active) {
          throw new PlugboardError(
            409,
            'ROLLOUT_ACTIVE',
            `${moduleId} is already being rolled out to ${active.toVersion} for "${tenantId}"; promote or abort it first`,
          );
        }
        const installation = await s.installations.get(tenantId, moduleId);
        if (installation?.version === body.version) {
          throw new PlugboardError(
            409,
            'ALREADY_SERVED',
            `"${tenantId}" already serves ${moduleId}@${body.version}`,
            {
              field: 'version',
            },
          );
        }
        const problems = checkInstall(
          release.manifest,
          await enabledManifests(s, tenantId, moduleId),
          SHELL_ENVIRONMENT,
        );
        if (problems.length > 0) {
          throw new PlugboardError(
            409,
            'INCOMPATIBLE',
            `${moduleId}@${body.version} cannot be rolled out: ${problems.map((p) => p.message).join('; ')}`,
            {
              issues: problems.map((p) => ({ path: p.field, message: `${p.module}: ${p.message}` })),
            },
          );
        }
        const config = installation?.config ?? body.config ?? {};
        const valid = validateConfig(release.manifest.config, config);
        if (!valid.ok) {
          throw new PlugboardError(
            400,
            'INVALID_CONFIG',
            `config is not valid for ${body.version}: ${valid.issues[0]?.path} ${valid.issues[0]?.message}`,
            {
              issues: valid.issues.map((i) => ({ path: `config.${i.path}`, message: i.message })),
            },
          );
        }
        const groupId = body.groupId ?? moduleId;
        const percentage = steps[0] ?? 100;
        await s.installations.upsert({
          tenantId,
          moduleId,
          version: installation?.version ?? null,
          enabled: true,
          config,
          candidateVersion: body.version,
          percentage,
          groupId,
        });
        const rollout = await s.rollouts.insert({
          tenantId,
          moduleId,
          fromVersion: installation?.version ?? null,
          toVersion: body.version,
          status: 'running',
          steps,
          stepIndex: 0,
          percentage,
          intervalSeconds: body.interval ?? policy.interval,
          maxErrorRate: body.health?.maxErrorRate ?? policy.health.maxErrorRate,
          minSamples: body.health?.minSamples ?? policy.health.minSamples,
          groupId,
          createdBy: actor,
          stepStartedAt: new Date(now()).toISOString(),
        });
        await s.rollouts.addEvent({ rolloutId: rollout.id, actor, action: 'start', percentage });
        await s.tenants.bumpRevision(tenantId);
        await s.audit.record({
          actor,
          action: 'rollout.start',
          tenantId,
          moduleId,
          before: installation ? { version: installation.version } : null,
          after: { candidate: body.version, steps, percentage, groupId },
        });
        await recordSnapshot(s, tenantId, actor, `rollout.start ${moduleId}@${body.version} ${percentage}%`);
        return rollout;
      });
      await changes.tenantChanged(tenantId, 'rollout');
      return created;
    },

    setPercentage: (tenantId: string, moduleId: string, percentage: number, actor: string) =>
      withActive(tenantId, moduleId, async (s, r) => {
        const stepIndex = Math.max(
          0,
          r.steps.findLastIndex((step) => step <= percentage),
        );
        await setPercentage(s, r, { percentage, stepIndex }, actor, 'set-percentage', {}, now());
      }),

    pause: (tenantId: string, moduleId: string, actor: string) =>
      withActive(tenantId, moduleId, async (s, r) => {
        if (r.status === 'paused') return;
        await setStatus(s, r, 'paused', actor, now());
      }),

    resume: (tenantId: string, moduleId: string, actor: string) =>
      withActive(tenantId, moduleId, async (s, r) => {
        if (r.status === 'running') return;
        await setStatus(s, r, 'running', actor, now());
      }),

    promote: (tenantId: string, moduleId: string, actor: string) =>
      withActive(tenantId, moduleId, (s, r) => finish(s, r, 'completed', actor, 'promoted by hand')),

    abort: (tenantId: string, moduleId: string, actor: string) =>
      withActive(tenantId, moduleId, (s, r) => finish(s, r, 'aborted', actor, 'aborted by hand')),

    /** The latest rollout of a module for a tenant, with its history and live health. */
    async get(tenantId: string, moduleId: string) {
      const rollout = await uow.stores.rollouts.latest(tenantId, moduleId);
      if (!rollout)
        throw notFound('ROLLOUT_NOT_FOUND', `${moduleId} has never been rolled out for "${tenantId}"`);
      const history = await uow.stores.rollouts.events(rollout.id);
      const { health, decision } = await rolloutHealth(uow.stores, rollout, now());
      return { rollout, health, next: decision, history };
    },
  };
}
export type RolloutService = ReturnType<typeof createRolloutService>;
