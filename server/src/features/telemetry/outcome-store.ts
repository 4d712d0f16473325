// Module outcomes in the database, counted per one-second bucket, so every server instance sees
// the same health figures and a restart loses none.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { moduleOutcomes } from '../../db/schema.ts';

export const BUCKET_MS = 1000;
export const bucketStart = (at: number) => new Date(Math.floor(at / BUCKET_MS) * BUCKET_MS).toISOString();

export type OutcomeDelta = {
  tenantId: string;
  moduleId: string;
  version: string;
  loaded: number;
  loadFailed: number;
  renderCrashed: number;
  loadMsTotal: number;
};

export function createOutcomeStore(db: Db) {
  return {
    async add(at: number, deltas: OutcomeDelta[]): Promise<void> {
      const bucket = bucketStart(at);
      for (const d of deltas) {
        await db
          .insert(moduleOutcomes)
          .values({ ...d, bucketStart: bucket })
          .onConflictDoUpdate({
            target: [
              moduleOutcomes.tenantId,
              moduleOutcomes.moduleId,
              moduleOutcomes.version,
              moduleOutcomes.bucketStart,
            ],
            set: {
              loaded: sql`${moduleOutcomes.loaded} + ${d.loaded}`,
              loadFailed: sql`${moduleOutcomes.loadFailed} + ${d.loadFailed}`,
              renderCrashed: sql`${moduleOutcomes.renderCrashed} + ${d.renderCrashed}`,
              loadMsTotal: sql`${moduleOutcomes.loadMsTotal} + ${d.loadMsTotal}`,
            },
          });
      }
    },
    /**
     * Totals for one release after `since`. The bucket holding `since` is left out: it may hold
     * outcomes from before, and losing under a second of reports is harmless.
     */
    async totals(tenantId: string, moduleId: string, version: string, since: number) {
      const [row] = await db
        .select({
          loaded: sql<string>`coalesce(sum(${moduleOutcomes.loaded}), 0)`,
          loadFailed: sql<string>`coalesce(sum(${moduleOutcomes.loadFailed}), 0)`,
          renderCrashed: sql<string>`coalesce(sum(${moduleOutcomes.renderCrashed}), 0)`,
          loadMsTotal: sql<string>`coalesce(sum(${moduleOutcomes.loadMsTotal}), 0)`,
        })
        .from(moduleOutcomes)
        .where(
          and(
            eq(moduleOutcomes.tenantId, tenantId),
            eq(moduleOutcomes.moduleId, moduleId),
            eq(moduleOutcomes.version, version),
            gt(moduleOutcomes.bucketStart, bucketStart(since)),
          ),
        );
      return {
        loaded: Number(row?.loaded ?? 0),
        loadFailed: Number(row?.loadFailed ?? 0),
        renderCrashed: Number(row?.renderCrashed ?? 0),
        loadMsTotal: Number(row?.loadMsTotal ?? 0),
      };
    },
  };
}
export type OutcomeStore = ReturnType<typeof createOutcomeStore>;
