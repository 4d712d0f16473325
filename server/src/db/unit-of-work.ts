// Services never touch drizzle directly: they get stores, and run every multi-step change through
// `transaction`, which hands them the same stores bound to one database transaction.

import { createArtifactStore } from '../features/artifacts/artifact-store.ts';
import { createAuditStore } from '../features/audit/audit-store.ts';
import { createInstallationStore } from '../features/installations/installation-store.ts';
import { createModuleStore, type ReleaseCache } from '../features/modules/module-store.ts';
import { createRolloutStore } from '../features/rollouts/rollout-store.ts';
import { createSnapshotStore } from '../features/snapshots/snapshot-store.ts';
import { createOutcomeStore } from '../features/telemetry/outcome-store.ts';
import { createTenantStore } from '../features/tenants/tenant-store.ts';
import { createManifestSourceStore } from '../manifests/manifest-source-store.ts';
import type { Db } from './database.ts';

/** Caches shared by every set of stores of one unit of work, transactions included. */
export type StoreCaches = { releases: ReleaseCache };

export function createStores(db: Db, caches: StoreCaches = { releases: new Map() }) {
  return {
    audit: createAuditStore(db),
    artifacts: createArtifactStore(db),
    installations: createInstallationStore(db),
    modules: createModuleStore(db, caches.releases),
    outcomes: createOutcomeStore(db),
    rollouts: createRolloutStore(db),
    snapshots: createSnapshotStore(db),
    tenants: createTenantStore(db),
    manifestSources: createManifestSourceStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;

export type UnitOfWork = {
  stores: Stores;
  transaction<T>(fn: (stores: Stores) => Promise<T>): Promise<T>;
};

export function createUnitOfWork(db: Db): UnitOfWork {
  const caches: StoreCaches = { releases: new Map() };
  return {
    stores: createStores(db, caches),
    transaction: (fn) => db.transaction((tx) => fn(createStores(tx as unknown as Db, caches))),
  };
}
