// Wires stores into services. One place decides what depends on what.
import type { Database } from './db/database.ts';
import { createUnitOfWork } from './db/unit-of-work.ts';
import { createInstallationService } from './features/installations/installation-service.ts';
import { createReleaseService } from './features/modules/release-service.ts';
import { createManifestCache } from './features/resolve/manifest-cache.ts';
import { createTelemetryAggregator } from './features/telemetry/telemetry-aggregator.ts';
import { createTenantService } from './features/tenants/tenant-service.ts';

export async function createServices(database: Database) {
  const uow = createUnitOfWork(database.db);
  const cache = createManifestCache(uow.stores);
  await cache.loadAll();
  return {
    databaseKind: database.kind,
    uow,
    cache,
    releases: createReleaseService(uow, { artifactBase: '/artifacts' }),
    tenants: createTenantService(uow, cache.listener),
    installations: createInstallationService(uow, cache.listener),
    telemetry: createTelemetryAggregator(),
  };
}
export type Services = Awaited<ReturnType<typeof createServices>>;
