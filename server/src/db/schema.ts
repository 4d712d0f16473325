// The database schema. Migrations in ../../drizzle are generated from this file by drizzle-kit.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();

export const modules = pgTable('modules', {
  id: text('id').primaryKey(),
  namespace: text('namespace').notNull(),
  createdAt: createdAt(),
});

export const releases = pgTable(
  'releases',
  {
    moduleId: text('module_id')
      .notNull()
      .references(() => modules.id),
    version: text('version').notNull(),
    manifest: jsonb('manifest').notNull(),
    contentHash: text('content_hash').notNull(),
    bundleHash: text('bundle_hash'),
    entryUrl: text('entry_url').notNull(),
    integrity: text('integrity'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.moduleId, t.version] })],
);

export const artifactFiles = pgTable(
  'artifact_files',
  {
    bundleHash: text('bundle_hash').notNull(),
    path: text('path').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bundleHash, t.path] })],
);

export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  theme: jsonb('theme').notNull(),
  access: jsonb('access').notNull(),
  /** Bumped by every change that may alter what a user of this tenant resolves. */
  revision: bigint('revision', { mode: 'number' }).notNull().default(1),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const installations = pgTable(
  'installations',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    moduleId: text('module_id').notNull(),
    /** The stable release; null while a module that was not there is rolled out from nothing. */
    version: text('version'),
    enabled: boolean('enabled').notNull().default(true),
    config: jsonb('config').notNull().default(sql`'{}'::jsonb`),
    /** During a rollout: the release users inside the percentage get. */
    candidateVersion: text('candidate_version'),
    percentage: integer('percentage').notNull().default(0),
    /** Bucketing group; defaults to the module id so a module's users move together. */
    groupId: text('group_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.moduleId] }),
    foreignKey({ columns: [t.moduleId, t.version], foreignColumns: [releases.moduleId, releases.version] }),
    foreignKey({
      name: 'installations_candidate_fk',
      columns: [t.moduleId, t.candidateVersion],
      foreignColumns: [releases.moduleId, releases.version],
    }),
    check('installations_percentage_range', sql`${t.percentage} between 0 and 100`),
  ],
);

/** A rollout's process: its schedule and state. What users get lives on the installation. */
export const rollouts = pgTable(
  'rollouts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    moduleId: text('module_id').notNull(),
    fromVersion: text('from_version'),
    toVersion: text('to_version').notNull(),
    /** running | paused | completed | aborted | rolled-back */
    status: text('status').notNull(),
    steps: jsonb('steps').$type<number[]>().notNull(),
    stepIndex: integer('step_index').notNull().default(0),
    percentage: integer('percentage').notNull(),
    intervalSeconds: integer('interval_seconds').notNull(),
    maxErrorRate: doublePrecision('max_error_rate').notNull(),
    minSamples: integer('min_samples').notNull(),
    groupId: text('group_id').notNull(),
    stepStartedAt: timestamp('step_started_at', { withTimezone: true, mode: 'string' })
      .notNull()
      .defaultNow(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('rollouts_one_active')
      .on(t.tenantId, t.moduleId)
      .where(sql`${t.status} in ('running', 'paused')`),
    index('rollouts_status_idx').on(t.status),
  ],
);

export const rolloutEvents = pgTable(
  'rollout_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    rolloutId: bigint('rollout_id', { mode: 'number' })
      .notNull()
      .references(() => rollouts.id),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    percentage: integer('percentage').notNull(),
    detail: jsonb('detail'),
  },
  (t) => [index('rollout_events_rollout_idx').on(t.rolloutId, t.id)],
);

/** Module outcomes reported by shells, counted per one-second bucket. */
export const moduleOutcomes = pgTable(
  'module_outcomes',
  {
    tenantId: text('tenant_id').notNull(),
    moduleId: text('module_id').notNull(),
    version: text('version').notNull(),
    bucketStart: timestamp('bucket_start', { withTimezone: true, mode: 'string' }).notNull(),
    loaded: integer('loaded').notNull().default(0),
    loadFailed: integer('load_failed').notNull().default(0),
    renderCrashed: integer('render_crashed').notNull().default(0),
    loadMsTotal: bigint('load_ms_total', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.moduleId, t.version, t.bucketStart] })],
);

/** Every change to a tenant's served releases, kept immutable so it can be restored. */
export const snapshots = pgTable(
  'snapshots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    reason: text('reason').notNull(),
    releases: jsonb('releases').notNull(),
  },
  (t) => [index('snapshots_tenant_idx').on(t.tenantId, t.id)],
);

/** Append-only: nothing updates or deletes rows here. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    tenantId: text('tenant_id'),
    moduleId: text('module_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_tenant_idx').on(t.tenantId, t.id), index('audit_module_idx').on(t.moduleId, t.id)],
);

/** Which version of each file in manifests/ was last applied, so a restart does not re-apply it. */
export const manifestSources = pgTable('manifest_sources', {
  path: text('path').primaryKey(),
  contentHash: text('content_hash').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
