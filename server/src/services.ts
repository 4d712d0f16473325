// Wires stores into services. One place decides what depends on what.
import type { Database } from './db/database.ts';
import { createUnitOfWork } from './db/unit-of-work.ts';
import { createChangeFeed, withReason } from './features/events/change-feed.ts';
import { createEventHub } from './features/events/event-hub.ts';
import { createInstallationService } from './features/installations/installation-service.ts';
import { createReleaseService } from './features/modules/release-service.ts';
import { createManifestCache } from './features/resolve/manifest-cache.ts';
import type { EntryFetcher } from './features/rollouts/release-gate.ts';
import { createRolloutScheduler } from './features/rollouts/rollout-scheduler.ts';
import { createRolloutService } from './features/rollouts/rollout-service.ts';
import { createSnapshotService } from './features/snapshots/snapshot-service.ts';
import { createTelemetryService } from './features/telemetry/telemetry-service.ts';
import { createTenantService } from './features/tenants/tenant-service.ts';

export type ServiceOptions = {
  /** How remote entries hosted elsewhere are fetched for the validation gate. */
  fetcher?: EntryFetcher;
  now?: () => number;
  log?: (message: string) => void;
};

export async function createServices(database: Database, options: ServiceOptions = {}) {
  const uow = createUnitOfWork(database.db);
  const manifests = createManifestCache(uow.stores);
  // Every announced change goes through the feed: cache refresh, push to open event streams,
  // NOTIFY to the other instances (PostgreSQL). `cache.listener` is the feed's, for every caller.
  // Listening starts before the first load, so no other instance's change falls in between.
  const hub = createEventHub();
  const feedLog = options.log ? { log: options.log } : {};
  const feed = createChangeFeed({ cache: manifests, hub, database, ...feedLog });
  await feed.start();
  await manifests.loadAll();
  const cache = { ...manifests, listener: feed.listener };
  return {
    databaseKind: database.kind,
    uow,
    cache,
    hub,
    releases: createReleaseService(uow, { artifactBase: '/artifacts' }),
    tenants: createTenantService(uow, withReason(cache.listener, 'tenant')),
    installations: createInstallationService(uow, withReason(cache.listener, 'installation'), options),
    rollouts: createRolloutService(uow, withReason(cache.listener, 'rollout'), options),
    scheduler: createRolloutScheduler(uow, withReason(cache.listener, 'rollout'), options),
    snapshots: createSnapshotService(uow, withReason(cache.listener, 'snapshot'), options),
    telemetry: createTelemetryService({
      outcomes: uow.stores.outcomes,
      cache,
      ...(options.now ? { now: options.now } : {}),
    }),
  };
}
export type Services = Awaited<ReturnType<typeof createServices>>;
