// The database schema. Migrations in ../../drizzle are generated from this file by drizzle-kit.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
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
    version: text('version').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    config: jsonb('config').notNull().default(sql`'{}'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.moduleId] }),
    foreignKey({ columns: [t.moduleId, t.version], foreignColumns: [releases.moduleId, releases.version] }),
  ],
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
