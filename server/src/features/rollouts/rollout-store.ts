import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { rolloutEvents, rollouts } from '../../db/schema.ts';

export type RolloutRow = typeof rollouts.$inferSelect;
export type RolloutStatus = 'running' | 'paused' | 'completed' | 'aborted' | 'rolled-back';
export const ACTIVE: RolloutStatus[] = ['running', 'paused'];

export function createRolloutStore(db: Db) {
  return {
    async insert(row: typeof rollouts.$inferInsert): Promise<RolloutRow> {
      const [created] = await db.insert(rollouts).values(row).returning();
      if (!created) throw new Error('insert returned no rollout');
      return created;
    },
    /** The active rollout of a module for a tenant, locked for the rest of the transaction. */
    async activeForUpdate(tenantId: string, moduleId: string): Promise<RolloutRow | null> {
      const rows = await db
        .select()
        .from(rollouts)
        .where(
          and(
            eq(rollouts.tenantId, tenantId),
            eq(rollouts.moduleId, moduleId),
            inArray(rollouts.status, ACTIVE),
          ),
        )
        .for('update');
      return rows[0] ?? null;
    },
    async latest(tenantId: string, moduleId: string): Promise<RolloutRow | null> {
      const rows = await db
        .select()
        .from(rollouts)
        .where(and(eq(rollouts.tenantId, tenantId), eq(rollouts.moduleId, moduleId)))
        .orderBy(desc(rollouts.id))
        .limit(1);
      return rows[0] ?? null;
    },
    async byIdForUpdate(id: number): Promise<RolloutRow | null> {
      const rows = await db.select().from(rollouts).where(eq(rollouts.id, id)).for('update');
      return rows[0] ?? null;
    },
    async running(): Promise<RolloutRow[]> {
      return db.select().from(rollouts).where(eq(rollouts.status, 'running')).orderBy(asc(rollouts.id));
    },
    async activeForTenant(tenantId: string): Promise<RolloutRow[]> {
      return db
        .select()
        .from(rollouts)
        .where(and(eq(rollouts.tenantId, tenantId), inArray(rollouts.status, ACTIVE)));
    },
    async update(id: number, patch: Partial<typeof rollouts.$inferInsert>): Promise<void> {
      await db
        .update(rollouts)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(rollouts.id, id));
    },
    async addEvent(e: typeof rolloutEvents.$inferInsert): Promise<void> {
      await db.insert(rolloutEvents).values(e);
    },
    async events(rolloutId: number) {
      return db
        .select()
        .from(rolloutEvents)
        .where(eq(rolloutEvents.rolloutId, rolloutId))
        .orderBy(asc(rolloutEvents.id));
    },
  };
}
export type RolloutStore = ReturnType<typeof createRolloutStore>;
